package dev.deskphone.snom;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * A URL the phone fetches after a delay: {@code <fetch mil="MS">URL</fetch>}. With a {@link
 * SnomFragment} it closes the minibrowser after a while, or dials, or presses a key.
 *
 * <pre>{@code
 * MinibrowserFetch.after(Duration.ofSeconds(5), SnomFragment.exit().toUri());
 * MinibrowserFetch.after(Duration.ofMillis(1), URI.create("https://apps.example/next.xml"));
 * }</pre>
 *
 * <p>From the vendor (Snomio/Documentation {@code main_sub_tags.md} and {@code
 * main_subelements.md}, {@code examples/xml/Fetch1.xml}): any document may hold it; {@code mil} is
 * the delay in milliseconds, 1 fetches as soon as the phone can (the real minimum depends on the
 * model and the time the document takes to load, and the timing is not exact); an empty URL loads
 * nothing, so one is required here. The element is written {@code fetch} in lower case, as the
 * vendor's examples and production peers write it. The upper bound is this SDK's own.
 *
 * @param delay how long after showing the document, 1 ms to {@link #MAX_DELAY}, whole milliseconds
 * @param url what to fetch; see {@link MinibrowserDocument} for the URLs allowed
 */
public record MinibrowserFetch(Duration delay, URI url) {

  /** The longest delay: one day. */
  public static final Duration MAX_DELAY = Duration.ofDays(1);

  /**
   * Checks the components; the URL is kept in its ASCII form.
   *
   * @param delay how long after showing the document
   * @param url what to fetch
   * @throws NullPointerException if either is null
   * @throws IllegalArgumentException if the delay is out of range or not whole milliseconds, or the
   *     URL is not allowed
   */
  public MinibrowserFetch {
    Objects.requireNonNull(delay, "delay");
    if (delay.compareTo(Duration.ofMillis(1)) < 0
        || delay.compareTo(MAX_DELAY) > 0
        || delay.getNano() % 1_000_000 != 0) {
      throw new IllegalArgumentException(
          "fetch delay must be whole milliseconds from 1 ms to "
              + MAX_DELAY.toMillis()
              + " ms (one day), was "
              + delay);
    }
    url = MinibrowserChecks.url("fetch url", url);
  }

  /**
   * Fetches {@code url} after {@code delay}.
   *
   * @param delay 1 ms to {@link #MAX_DELAY}, whole milliseconds
   * @param url what to fetch
   * @return the fetch
   * @throws IllegalArgumentException if either is not allowed
   */
  public static MinibrowserFetch after(Duration delay, URI url) {
    return new MinibrowserFetch(delay, url);
  }
}
