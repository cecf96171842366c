package dev.deskphone.bench;

import dev.deskphone.testkit.FakeSnomPhone;
import dev.deskphone.unify.TurnledXml;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Item 6: cold start, each run a fresh JVM started with {@link ProcessBuilder} ({@code java -cp
 * <this classpath> ColdStartChild ...}, no extra flags), timed by this JVM from just before {@code
 * start()}: to the first key press arriving at a {@link FakeSnomPhone} started here, and to the
 * first Send URL reply read whole by a raw socket here (the child prints its port once listening;
 * this JVM then sends the request at once). Baselines are the same JVM launch doing the raw
 * equivalent. Options: {@code runs}.
 */
final class ColdStartHarness {
  private ColdStartHarness() {}

  static void run(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    String b64 = Base64.getEncoder().encodeToString(TurnledXml.toBytes(SendUrlLoadHarness.reply()));
    double[] press = new double[runs];
    double[] rawPress = new double[runs];
    double[] sendUrl = new double[runs];
    double[] bare = new double[runs];
    double[] noop = new double[runs];
    double[] sendUrlListening = new double[runs];
    double[] bareListening = new double[runs];
    try (FakeSnomPhone fake = FakeSnomPhone.builder().start()) {
      String uri = fake.uri().toString();
      launch("noop"); // page cache and the like, not counted
      for (int i = 0; i < runs; i++) {
        press[i] = untilRequest(fake, "press", uri);
        rawPress[i] = untilRequest(fake, "rawpress", uri);
        double[] s = untilReply("sendurl");
        sendUrlListening[i] = s[0];
        sendUrl[i] = s[1];
        double[] b = untilReply("bare", b64);
        bareListening[i] = b[0];
        bare[i] = b[1];
        noop[i] = launch("noop");
      }
    }
    Report.head("6. cold start, fresh JVM per run, median of " + runs + " runs (ms)");
    Report.line(
        "JVM start -> first key press at the fake",
        Stats.median(press),
        Stats.median(rawPress),
        "ms",
        null,
        false);
    Report.absolute(
        "JVM start -> first Send URL reply",
        Stats.median(sendUrl),
        Stats.median(bare),
        "ms",
        400,
        "< 400 ms");
    Report.note(
        "ranges: press "
            + Stats.range(press, "%.0f")
            + ", raw press "
            + Stats.range(rawPress, "%.0f")
            + ", Send URL "
            + Stats.range(sendUrl, "%.0f")
            + ", bare server "
            + Stats.range(bare, "%.0f")
            + " ms; listening (port printed) after: Send URL "
            + Report.format(Stats.median(sendUrlListening))
            + " ms, bare "
            + Report.format(Stats.median(bareListening))
            + " ms; an empty main() start to exit: "
            + Report.format(Stats.median(noop))
            + " ms");
  }

  private static ProcessBuilder child(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=error");
    command.add(ColdStartChild.class.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
  }

  /** Milliseconds from launch to exit. */
  private static double launch(String... args) throws Exception {
    long start = System.nanoTime();
    Process p = child(args).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException("child " + String.join(" ", args) + " failed");
    }
    return (System.nanoTime() - start) / 1e6;
  }

  /** Milliseconds from launch to the request arriving at {@code fake}. */
  private static double untilRequest(FakeSnomPhone fake, String mode, String uri) throws Exception {
    long start = System.nanoTime();
    Process p = child(mode, uri).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      if (fake.takeRequest(Duration.ofSeconds(60)).isEmpty()) {
        throw new IllegalStateException("no request from the " + mode + " child");
      }
      double ms = (System.nanoTime() - start) / 1e6;
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("the " + mode + " child failed");
      }
      return ms;
    } finally {
      p.destroyForcibly();
    }
  }

  /** Milliseconds from launch to the child's server listening, and to its whole first reply. */
  private static double[] untilReply(String... args) throws Exception {
    long start = System.nanoTime();
    Process p = child(args).start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      if (line == null || !line.startsWith("PORT ")) {
        throw new IllegalStateException("the child said " + line);
      }
      int port = Integer.parseInt(line.substring(5));
      double listening = (System.nanoTime() - start) / 1e6;
      try (Socket s = new Socket()) {
        s.setTcpNoDelay(true);
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        s.setSoTimeout(30_000);
        s.getOutputStream().write(KeepAliveLoad.get(SendUrlLoadHarness.QUERY, port));
        s.getOutputStream().flush();
        int status = KeepAliveLoad.readResponse(new BufferedInputStream(s.getInputStream()))[0];
        double ms = (System.nanoTime() - start) / 1e6;
        if (status != 200) {
          throw new IllegalStateException("the child answered " + status);
        }
        return new double[] {listening, ms};
      }
    } finally {
      p.getOutputStream().close(); // the child stops serving when its stdin closes
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }
}
