package dev.deskphone.cli;

import dev.deskphone.snom.SnomEventEndpoint;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * The key file that {@code snom events} and {@code snom configure-events} share: the phones' action
 * URLs carry secrets made under it, so both commands must read the same file. Whichever runs first
 * creates it.
 */
final class EventKeyFile {
  private EventKeyFile() {}

  /**
   * Creates {@code file} with a new key if it does not exist, and says so; warns if an existing one
   * is readable by others.
   *
   * @throws IllegalArgumentException if it cannot be created
   */
  static void ensure(Terminal terminal, Path file) {
    if (Files.exists(file)) {
      warnIfShared(terminal, file);
      return;
    }
    try {
      SnomEventEndpoint.createKeyFile(file);
      terminal
          .out()
          .println(
              "created key file "
                  + file
                  + " (owner only); snom events and snom configure-events must use this file");
    } catch (FileAlreadyExistsException e) {
      // Another process created it in the meantime: that key is the one to use.
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot create the key file " + file + ": " + e.getClass().getSimpleName());
    }
  }

  private static void warnIfShared(Terminal terminal, Path file) {
    PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    if (view == null) {
      return;
    }
    try {
      Set<PosixFilePermission> p = view.readAttributes().permissions();
      if (p.contains(PosixFilePermission.GROUP_READ)
          || p.contains(PosixFilePermission.OTHERS_READ)) {
        terminal
            .err()
            .println(
                "deskphone: warning: key file "
                    + file
                    + " is readable by others, who could forge events: chmod 600 "
                    + file);
      }
    } catch (IOException e) {
      // Unreadable attributes: reading the key itself will say what is wrong.
    }
  }
}
