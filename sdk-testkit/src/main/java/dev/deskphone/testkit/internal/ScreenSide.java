package dev.deskphone.testkit.internal;

/**
 * Where a fake snom phone's {@code minibrowser.htm?url=...} goes: its minibrowser, which fetches
 * and shows the document asynchronously. Called under the phone's lock; never blocks.
 */
public interface ScreenSide {
  /** A screen that shows nothing. */
  ScreenSide NONE = url -> {};

  /** Fetches and shows {@code url}, or runs it if it is a {@code snom://} fragment URL. */
  void open(String url);
}
