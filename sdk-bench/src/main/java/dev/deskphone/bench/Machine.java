package dev.deskphone.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine a figure was measured on, printed with every run. */
final class Machine {
  private Machine() {}

  static String describe() {
    String cpu = "unknown CPU";
    try {
      cpu =
          Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
              .filter(l -> l.startsWith("model name"))
              .map(l -> l.substring(l.indexOf(':') + 1).trim())
              .findFirst()
              .orElse(cpu);
    } catch (IOException e) {
      // not Linux: leave it unknown
    }
    return "machine: "
        + Runtime.getRuntime().availableProcessors()
        + " CPUs ("
        + cpu
        + "), Java "
        + System.getProperty("java.vm.name")
        + " "
        + System.getProperty("java.runtime.version")
        + ", max heap "
        + Runtime.getRuntime().maxMemory() / (1024 * 1024)
        + " MB";
  }
}
