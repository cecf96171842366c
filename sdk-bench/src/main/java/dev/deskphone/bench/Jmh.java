package dev.deskphone.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs one JMH benchmark class with the settings of this project (1 fork, 10 warm-up and 5
 * measurement iterations of 3 s), any JMH option given on the command line overriding them (for
 * example {@code -prof gc}), and returns each method's score. The warm-up is long because on 2 CPUs
 * the loopback benchmarks leave the JIT compilers little time, and a press must stop getting faster
 * before the measured iterations start.
 */
final class Jmh {
  private Jmh() {}

  /** A method's score and its 99.9% error, in {@link #unit}. */
  record Score(double score, double error, String unit) {
    @Override
    public String toString() {
      return Report.format(score) + " ± " + Report.format(error) + " " + unit;
    }
  }

  /**
   * Runs {@code benchmark}; the map is keyed by method name, plus {@code :param} when it has one.
   */
  static Map<String, Score> run(Class<?> benchmark, String[] jmhArgs)
      throws RunnerException, CommandLineOptionException {
    CommandLineOptions cli = new CommandLineOptions(jmhArgs);
    OptionsBuilder options = new OptionsBuilder();
    options.parent(cli).include("\\." + benchmark.getSimpleName() + "\\.");
    if (!cli.getForkCount().hasValue()) {
      options.forks(1);
    }
    if (!cli.getWarmupIterations().hasValue()) {
      options.warmupIterations(10);
    }
    if (!cli.getWarmupTime().hasValue()) {
      options.warmupTime(TimeValue.seconds(3));
    }
    if (!cli.getMeasurementIterations().hasValue()) {
      options.measurementIterations(5);
    }
    if (!cli.getMeasurementTime().hasValue()) {
      options.measurementTime(TimeValue.seconds(3));
    }
    options.jvmArgsAppend("-Dorg.slf4j.simpleLogger.defaultLogLevel=error");
    Collection<RunResult> results = new Runner(options.build()).run();
    Map<String, Score> scores = new HashMap<>();
    for (RunResult r : results) {
      String method = r.getParams().getBenchmark();
      method = method.substring(method.lastIndexOf('.') + 1);
      for (String key : r.getParams().getParamsKeys()) {
        method += ":" + r.getParams().getParam(key);
      }
      Result<?> primary = r.getPrimaryResult();
      scores.put(
          method, new Score(primary.getScore(), primary.getScoreError(), primary.getScoreUnit()));
    }
    return scores;
  }
}
