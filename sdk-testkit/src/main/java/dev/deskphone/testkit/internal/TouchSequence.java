package dev.deskphone.testkit.internal;

import dev.deskphone.testkit.Touch;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the decoded value of {@code command.htm?touch=}: {@code X Y [ACTION]} groups separated by
 * single spaces, ACTION {@code press}/{@code p}, {@code release}/{@code r} or {@code pr} (the
 * default), coordinates inside the model's screen. Stateless.
 */
public final class TouchSequence {
  private static final Pattern COORDINATE = Pattern.compile("0|[1-9][0-9]{0,4}");

  private TouchSequence() {}

  /**
   * The touches in {@code value}.
   *
   * @throws Unintelligible if the model has no touch screen or any group is malformed or off the
   *     screen (nothing is touched then)
   */
  public static List<Touch> parse(String value, ModelProfile model) throws Unintelligible {
    if (!model.hasTouchScreen()) {
      throw Unintelligible.ignored("the " + model.name() + " has no touch screen");
    }
    if (value.isEmpty()) {
      throw Unintelligible.ignored("empty touch list");
    }
    String[] tokens = value.split(" ", -1);
    List<Touch> touches = new ArrayList<>();
    int i = 0;
    while (i < tokens.length) {
      if (i + 1 >= tokens.length) {
        throw Unintelligible.ignored("touch " + (touches.size() + 1) + " has no Y");
      }
      int x = coordinate(tokens[i], "X", model.touchWidth());
      int y = coordinate(tokens[i + 1], "Y", model.touchHeight());
      i += 2;
      Touch.Action action = Touch.Action.PRESS_RELEASE;
      if (i < tokens.length && !COORDINATE.matcher(tokens[i]).matches()) {
        action = action(tokens[i]);
        i++;
      }
      touches.add(new Touch(x, y, action));
    }
    return touches;
  }

  private static int coordinate(String token, String axis, int size) throws Unintelligible {
    if (!COORDINATE.matcher(token).matches()) {
      throw Unintelligible.ignored("touch " + axis + " '" + token + "' is not a coordinate");
    }
    int v = Integer.parseInt(token);
    if (v >= size) {
      throw Unintelligible.ignored(
          "touch " + axis + " " + v + " is off the screen (0.." + (size - 1) + ")");
    }
    return v;
  }

  private static Touch.Action action(String token) throws Unintelligible {
    return switch (token) {
      case "press", "p" -> Touch.Action.PRESS;
      case "release", "r" -> Touch.Action.RELEASE;
      case "pr" -> Touch.Action.PRESS_RELEASE;
      default -> throw Unintelligible.ignored("unknown touch action '" + token + "'");
    };
  }
}
