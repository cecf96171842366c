package dev.deskphone.snom;

/**
 * The size of a phone's touch screen in pixels; valid points are {@code 0..width-1} by {@code
 * 0..height-1}, with {@code (0, 0)} at the top left.
 *
 * @param width the number of columns
 * @param height the number of rows
 */
public record TouchScreen(int width, int height) {

  /**
   * Checks the size.
   *
   * @param width the number of columns, 1 or more
   * @param height the number of rows, 1 or more
   * @throws IllegalArgumentException unless both are positive
   */
  public TouchScreen {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException(
          "a touch screen must be at least 1x1 pixels, was " + width + "x" + height);
    }
  }

  /**
   * Whether ({@code x}, {@code y}) lies on the screen.
   *
   * @param x the column in pixels
   * @param y the row in pixels
   * @return whether the point lies on the screen
   */
  public boolean contains(int x, int y) {
    return x >= 0 && y >= 0 && x < width && y < height;
  }
}
