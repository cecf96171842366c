package dev.deskphone.testkit;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;

/** Checks on loopback ports for the tests of closing. */
public final class Loopback {
  private Loopback() {}

  /** Whether a connection to {@code uri}'s port on 127.0.0.1 is refused: nothing listens. */
  public static boolean refuses(URI uri) {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), uri.getPort())) {
      return !s.isConnected();
    } catch (ConnectException e) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
