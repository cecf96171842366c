package dev.deskphone.testkit.internal;

import dev.deskphone.snom.CallList;
import dev.deskphone.testkit.Dialed;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Carries out one request on the pages of the snom remote-control table and the settings pages
 * ({@code dummy.htm}, {@code settings.htm}), against a {@link PhoneState} and a {@link
 * ModelProfile}. Validates everything before changing anything, so a request is carried out whole
 * or not at all. Stateless; the caller holds the state's lock.
 */
public final class SnomCommands {
  private static final Pattern LINE = Pattern.compile("[1-9]|1[0-2]");
  private static final Pattern RINGER = Pattern.compile("PLAY_RINGER:([1-9])");
  private static final Pattern NUMBER = Pattern.compile("\\+?[0-9*#]{1,64}");
  private static final Pattern DTMF = Pattern.compile("[0-9*#]{1,64}");
  private static final Pattern SIP_URI = Pattern.compile("(?i)sips?:[^\\s]+");

  /** What the caller does after a request was carried out. */
  public enum Outcome {
    /** Answer with the page. */
    PAGE,
    /** A dial was carried out (a phone may answer it with a redirect). */
    DIALED,
    /** Answer, then go offline for a reboot. */
    REBOOT,
    /** Answer, then go offline for a factory reset. */
    RESET,
    /** Answer, then fetch and show the {@code url} parameter in the minibrowser. */
    SHOW
  }

  private SnomCommands() {}

  /**
   * Carries out {@code rawPath} with {@code query}.
   *
   * @param remoteControl whether the phone's remote control is enabled
   * @throws Unintelligible if it did nothing, with the status to answer
   */
  public static Outcome run(
      String rawPath, FormQuery query, PhoneState state, ModelProfile model, boolean remoteControl)
      throws Unintelligible {
    return switch (rawPath) {
      case "/command.htm" -> command(query, state, model, remoteControl);
      case "/line_login.htm" -> ringer(query, state);
      case "/advanced_update.htm" -> update(query);
      case "/", "/index.htm" -> callList(query, state);
      case "/dummy.htm" ->
          SettingsWrite.isAsked(query) ? settings(query, state, model) : firmware(query, state);
      case "/settings.htm" ->
          query.parameters().isEmpty() ? Outcome.PAGE : settings(query, state, model);
      case "/minibrowser.htm" -> minibrowser(query);
      default -> throw new Unintelligible(404, "no page " + rawPath);
    };
  }

  private static Outcome command(
      FormQuery q, PhoneState state, ModelProfile model, boolean remoteControl)
      throws Unintelligible {
    if (!model.remoteControl()) {
      throw new Unintelligible(404, "the " + model.name() + " has no command.htm");
    }
    if (!remoteControl) {
      throw new Unintelligible(403, "remote control is disabled on this phone");
    }
    Set<String> names = Set.copyOf(q.names());
    if (names.equals(Set.of("number")) || names.equals(Set.of("number", "outgoing_uri"))) {
      state.dial(dial(q));
      return Outcome.DIALED;
    }
    if (names.size() != 1) {
      throw Unintelligible.ignored(
          names.isEmpty() ? "no command" : "not one command but " + q.names());
    }
    FormQuery.Parameter p = q.parameters().get(0);
    switch (p.name()) {
      case "key" -> state.press(KeySequence.parse(p.rawValue().orElse(""), model));
      case "touch" -> state.touch(TouchSequence.parse(p.value(), model));
      case "key_dtmf" -> state.dtmf(matching(p, DTMF, "DTMF digits"));
      case "RELEASE_ALL_CALLS" -> {
        bare(p);
        state.releaseAllCalls();
      }
      case "LOGOFFALL" -> {
        bare(p);
        state.logoffAll();
      }
      case "LOGOFFLINE" -> state.logoff(Integer.parseInt(matching(p, LINE, "identity 1..12")));
      case "REREGISTER" -> state.reregister(Integer.parseInt(matching(p, LINE, "identity 1..12")));
      case "FIX_LIL" -> {
        if (!model.lineInfoLayerFix()) {
          throw Unintelligible.ignored("FIX_LIL does not apply to the " + model.name());
        }
        matching(p, Pattern.compile("true"), "true");
        state.fixLineInfoLayer();
      }
      default -> throw Unintelligible.ignored("unknown command '" + p.name() + "'");
    }
    return Outcome.PAGE;
  }

  /** Whether {@code number} is one the phone dials. */
  static boolean isNumber(String number) {
    return NUMBER.matcher(number).matches();
  }

  private static Dialed dial(FormQuery q) throws Unintelligible {
    String number =
        matching(q.get("number").orElseThrow(), NUMBER, "a number of digits * # and a leading +");
    Optional<FormQuery.Parameter> from = q.get("outgoing_uri");
    if (from.isEmpty()) {
      return Dialed.of(number);
    }
    return Dialed.of(number, matching(from.get(), SIP_URI, "a sip: or sips: URI"));
  }

  private static Outcome ringer(FormQuery q, PhoneState state) throws Unintelligible {
    List<FormQuery.Parameter> ps = q.parameters();
    Matcher m = ps.size() == 1 ? RINGER.matcher(ps.get(0).name()) : null;
    if (m == null || !m.matches()) {
      throw Unintelligible.ignored("not PLAY_RINGER:n (1..9) but " + q.names());
    }
    if (!ps.get(0).value().strip().equals("Ringer")) {
      throw Unintelligible.ignored("PLAY_RINGER value '" + ps.get(0).value() + "' is not +Ringer");
    }
    state.playRinger(Integer.parseInt(m.group(1)));
    return Outcome.PAGE;
  }

  private static Outcome update(FormQuery q) throws Unintelligible {
    if (q.parameters().isEmpty()) {
      return Outcome.PAGE;
    }
    if (single(q, "reboot", "Reboot")) {
      return Outcome.REBOOT;
    }
    if (single(q, "reset", "Reset")) {
      return Outcome.RESET;
    }
    throw Unintelligible.ignored("not reboot=Reboot or reset=Reset but " + q.names());
  }

  private static Outcome callList(FormQuery q, PhoneState state) throws Unintelligible {
    if (q.parameters().isEmpty()) {
      return Outcome.PAGE;
    }
    for (CallList kind : CallList.values()) {
      if (single(q, kind.name().toLowerCase(Locale.ROOT) + "del", "clear")) {
        state.clear(kind);
        return Outcome.PAGE;
      }
    }
    throw Unintelligible.ignored("not dialeddel, misseddel or receiveddel=clear but " + q.names());
  }

  private static Outcome settings(FormQuery q, PhoneState state, ModelProfile model)
      throws Unintelligible {
    if (!model.remoteControl()) {
      throw new Unintelligible(404, "the " + model.name() + " takes no settings over HTTP");
    }
    state.writeSettings(SettingsWrite.parse(q));
    return Outcome.PAGE;
  }

  private static Outcome minibrowser(FormQuery q) throws Unintelligible {
    if (!q.names().equals(List.of("url"))) {
      throw Unintelligible.ignored("not url=URL but " + q.names());
    }
    String url = q.get("url").orElseThrow().value();
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      boolean web = (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
      if (!web && !scheme.equals("snom") && !scheme.equals("phone")) {
        throw Unintelligible.ignored(
            "minibrowser URL '" + url + "' is not an http(s) URL or a snom:// fragment");
      }
    } catch (URISyntaxException e) {
      throw Unintelligible.ignored("minibrowser URL '" + url + "' is not a URL");
    }
    return Outcome.SHOW;
  }

  private static Outcome firmware(FormQuery q, PhoneState state) throws Unintelligible {
    if (!Set.copyOf(q.names()).equals(Set.of("swload", "firmware"))
        || !q.get("swload").orElseThrow().value().equals("load")) {
      throw Unintelligible.ignored("not swload=load&firmware=URL but " + q.names());
    }
    String url = q.get("firmware").orElseThrow().value();
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        throw Unintelligible.ignored("firmware URL '" + url + "' is not an http(s) URL");
      }
    } catch (URISyntaxException e) {
      throw Unintelligible.ignored("firmware URL '" + url + "' is not a URL");
    }
    state.upgradeFirmware(url);
    return Outcome.PAGE;
  }

  private static boolean single(FormQuery q, String name, String value) throws Unintelligible {
    return q.parameters().size() == 1
        && q.parameters().get(0).name().equals(name)
        && q.parameters().get(0).value().equals(value);
  }

  private static String matching(FormQuery.Parameter p, Pattern pattern, String what)
      throws Unintelligible {
    String v = p.value();
    if (!pattern.matcher(v).matches()) {
      throw Unintelligible.ignored(p.name() + " '" + v + "' is not " + what);
    }
    return v;
  }

  /** A parameter that must come bare ({@code ?LOGOFFALL}) or empty ({@code ?LOGOFFALL=}). */
  private static void bare(FormQuery.Parameter p) throws Unintelligible {
    if (!p.value().isEmpty()) {
      throw Unintelligible.ignored(p.name() + " takes no value, got '" + p.value() + "'");
    }
  }
}
