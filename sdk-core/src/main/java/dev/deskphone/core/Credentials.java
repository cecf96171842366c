package dev.deskphone.core;

import dev.deskphone.core.internal.Checks;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A username and password for a phone or for the requests a phone sends.
 *
 * <pre>{@code
 * Credentials c = Credentials.of("admin", "secret");
 * }</pre>
 *
 * <p>The password never appears in {@link #toString()} or in any exception message, not even its
 * length. Immutable and thread-safe.
 */
public final class Credentials {

  private final String username;
  private final String password;

  private Credentials(String username, String password) {
    this.username = username;
    this.password = password;
  }

  /**
   * Credentials with this username and password.
   *
   * @param username not empty; no CR, LF or NUL
   * @param password may be empty (some phones ship without one); no CR, LF or NUL
   * @return the credentials
   * @throws NullPointerException if either is null
   * @throws IllegalArgumentException if either breaks those rules; the message names the field and
   *     never shows the password
   */
  public static Credentials of(String username, String password) {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    if (username.isEmpty()) {
      throw new IllegalArgumentException("username must not be empty");
    }
    if (hasLineBreakOrNul(username)) {
      throw new IllegalArgumentException(
          "username must not contain CR, LF or NUL, was " + Checks.quote(username));
    }
    if (hasLineBreakOrNul(password)) {
      throw new IllegalArgumentException(
          "password must not contain CR, LF or NUL (the password is not shown)");
    }
    return new Credentials(username, password);
  }

  private static boolean hasLineBreakOrNul(String s) {
    return s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\0') >= 0;
  }

  /**
   * The username.
   *
   * @return the username, never empty
   */
  public String username() {
    return username;
  }

  /**
   * The password. Keep it out of logs and messages.
   *
   * @return the password, possibly empty
   */
  public String password() {
    return password;
  }

  /**
   * Two credentials are equal when their usernames and passwords are; the passwords are compared in
   * time that does not depend on where they differ.
   *
   * @param o the other object
   * @return whether they are equal
   */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Credentials)) {
      return false;
    }
    Credentials other = (Credentials) o;
    boolean samePassword =
        MessageDigest.isEqual(
            password.getBytes(StandardCharsets.UTF_8),
            other.password.getBytes(StandardCharsets.UTF_8));
    return samePassword & username.equals(other.username);
  }

  /**
   * A hash code from the username only, so that it reveals nothing about the password.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return username.hashCode();
  }

  /**
   * The credentials for logs, for example {@code Credentials[username=admin, password=***]}: never
   * the password, nor its length.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return "Credentials[username=" + Checks.escape(username) + ", password=***]";
  }
}
