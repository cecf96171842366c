package dev.deskphone.snom;

import dev.deskphone.core.internal.Checks;
import dev.deskphone.core.internal.PercentEncoding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Settings to write to a snom phone over HTTP, in order, and whether the phone stores them so that
 * they survive a reboot. {@link SnomPhone#writeSettings} sends them; {@link #commands()} are the
 * requests it sends.
 *
 * <pre>{@code
 * SnomSettings settings = SnomSettings.builder()
 *     .set("action_incoming_url", "http://10.0.0.2:8080/events?e=incoming&remote=$remote")
 *     .functionKey(FunctionKey.speed(0, "100").withLabel("Reception"))
 *     .persistent(true)   // store_settings=save: kept across a reboot
 *     .build();
 * phone.writeSettings(settings);
 * }</pre>
 *
 * <p><b>Wire form</b> (as peers that drive real phones send it; the vendor documents no other):
 * {@code GET /dummy.htm?settings=save&NAME=VALUE&...}, followed by {@code &store_settings=save}
 * when persistent. That goes last, so that however the phone reads the query, it stores after it
 * applied the settings.
 *
 * <p><b>Names</b>: 1 to 64 ASCII letters, digits and {@code _}, starting with a letter, such as
 * {@code language}, {@code fkey0}, {@code fkey_label12}, {@code action_incoming_url}: the form of
 * every snom setting name, indexed ones included. Names are sent as they are (case kept). {@code
 * settings}, {@code store_settings} and {@code swload} are refused in any case: the first two are
 * the write's own parameters, the third would start a firmware load on {@code dummy.htm}. A name
 * may be given once per write.
 *
 * <p><b>Values</b>: any text, the empty text included, percent-encoded as UTF-8 (only {@code A-Z
 * a-z 0-9 - . _ ~ : / @} go as they are), so that no value can add a parameter, start another
 * setting or end the query: {@code 1&store_settings=save} arrives as that text. Control characters
 * (U+0000 to U+001F, U+007F to U+009F) and unpaired surrogates are refused.
 *
 * <p><b>Length</b>: each request target stays within {@value #MAX_TARGET_LENGTH} characters. The
 * phones' own limit is not documented; 2,000 is below the request-line limits of the common web
 * servers (8 KiB in Apache httpd and nginx) and of the URLs that browsers and proxies carry
 * everywhere, so a small embedded server is the least likely to choke on it. Settings that do not
 * fit in one request are split over several, in order, each complete in itself: each starts with
 * {@code settings=save} and, when persistent, ends with {@code store_settings=save}. One setting
 * that cannot fit in a request by itself is refused.
 *
 * <p>Every check runs in the builder, before any byte is sent; errors name the setting and what is
 * allowed, and never show a value (it may be a password). Immutable and thread-safe.
 */
public final class SnomSettings {
  /** The longest request target (path and query) one request of a write may have: {@value}. */
  public static final int MAX_TARGET_LENGTH = 2000;

  private static final int MAX_NAME_LENGTH = 64;
  private static final Pattern NAME =
      Pattern.compile("[A-Za-z][A-Za-z0-9_]{0," + (MAX_NAME_LENGTH - 1) + "}");
  private static final Set<String> RESERVED = Set.of("settings", "store_settings", "swload");
  private static final String PATH = "/dummy.htm";
  private static final String SAVE = "settings=save";
  private static final String STORE = "&store_settings=save";
  private static final String OPERATION = "snom write settings";

  private final Map<String, String> settings;
  private final boolean persistent;
  private final List<SnomCommand> commands;

  private SnomSettings(Map<String, String> settings, boolean persistent) {
    this.settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    this.persistent = persistent;
    this.commands = commands(this.settings, persistent);
  }

  /**
   * A builder; at least one setting is required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The settings, name to value, in the order they are written; unmodifiable.
   *
   * @return an unmodifiable map, in write order
   */
  public Map<String, String> settings() {
    return settings;
  }

  /**
   * Whether the phone is asked to store them, so that they survive a reboot.
   *
   * @return whether the phone stores them
   */
  public boolean persistent() {
    return persistent;
  }

  /**
   * The requests that write them, in order: one when they fit in {@value #MAX_TARGET_LENGTH}
   * characters, more otherwise, each complete in itself. Their operation is {@code "snom write
   * settings"}, or {@code "snom write settings (request 2 of 3)"} and the like when there are
   * several.
   *
   * @return the commands, at least one
   */
  public List<SnomCommand> commands() {
    return commands;
  }

  private static List<SnomCommand> commands(Map<String, String> settings, boolean persistent) {
    String tail = persistent ? STORE : "";
    int room = MAX_TARGET_LENGTH - PATH.length() - 1 - SAVE.length() - tail.length();
    List<String> queries = new ArrayList<>();
    StringBuilder query = new StringBuilder();
    for (Map.Entry<String, String> setting : settings.entrySet()) {
      String pair =
          "&" + setting.getKey() + "=" + PercentEncoding.encode(setting.getValue(), ":/@");
      if (pair.length() > room) {
        throw new IllegalArgumentException(
            "setting "
                + setting.getKey()
                + " does not fit in one request: sent alone, its request target would be "
                + (MAX_TARGET_LENGTH - room + pair.length())
                + " characters, over the limit of "
                + MAX_TARGET_LENGTH
                + " (values are sent percent-encoded as UTF-8)");
      }
      if (query.length() + pair.length() > room) {
        queries.add(SAVE + query + tail);
        query.setLength(0);
      }
      query.append(pair);
    }
    queries.add(SAVE + query + tail);
    List<SnomCommand> commands = new ArrayList<>(queries.size());
    for (int i = 0; i < queries.size(); i++) {
      String operation =
          queries.size() == 1
              ? OPERATION
              : OPERATION + " (request " + (i + 1) + " of " + queries.size() + ")";
      commands.add(SnomCommand.settingsWrite(operation, queries.get(i)));
    }
    return List.copyOf(commands);
  }

  /**
   * Checks a text a setting may hold: no control character, no unpaired surrogate.
   *
   * @param what what the text is, for the message, for example {@code "value of setting fkey0"}
   * @return {@code text}
   */
  static String checkText(String what, String text) {
    Objects.requireNonNull(text, what);
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (Character.isISOControl(c) || (c < 0x10000 && Character.isSurrogate((char) c))) {
        throw new IllegalArgumentException(
            what
                + " must be text without control characters (U+0000 to U+001F, U+007F to U+009F)"
                + " or unpaired surrogates, found "
                + Checks.codePoint(c)
                + " at index "
                + i);
      }
      i += Character.charCount(c);
    }
    return text;
  }

  /** Checks the form of a setting name: 1 to 64 ASCII letters, digits and '_', a letter first. */
  static String settingName(String name) {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "setting name must be 1 to "
              + MAX_NAME_LENGTH
              + " ASCII letters, digits and '_', starting with a letter (as language, fkey0,"
              + " fkey_label12, action_incoming_url), was "
              + Checks.quote(name));
    }
    return name;
  }

  private static String checkName(String name) {
    settingName(name);
    if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException(
          "setting name "
              + Checks.quote(name)
              + " is reserved: settings and store_settings are the write's own parameters (use"
              + " persistent(true) to store), swload starts a firmware load");
    }
    return name;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SnomSettings s
        && s.persistent == persistent
        && List.copyOf(s.settings.entrySet()).equals(List.copyOf(settings.entrySet()));
  }

  @Override
  public int hashCode() {
    return Objects.hash(List.copyOf(settings.entrySet()), persistent);
  }

  /** The names, in order, and whether persistent; never a value (it may be a password). */
  @Override
  public String toString() {
    return "SnomSettings" + settings.keySet() + (persistent ? " persistent" : "");
  }

  /** Builds {@link SnomSettings}. Not thread-safe. */
  public static final class Builder {
    private final Map<String, String> settings = new LinkedHashMap<>();
    private boolean persistent;

    private Builder() {}

    /**
     * Adds a setting, written after those added before.
     *
     * @param name the setting's name, see {@link SnomSettings}
     * @param value any text without control characters; the empty text writes an empty setting
     * @return this builder
     * @throws IllegalArgumentException for a name or value that is not allowed, or a name already
     *     added (which of two values a phone keeps is not documented)
     */
    public Builder set(String name, String value) {
      checkName(name);
      checkText("value of setting " + name, value);
      if (settings.containsKey(name)) {
        throw new IllegalArgumentException(
            "setting " + name + " is already set in this write; each name may be given once");
      }
      settings.put(name, value);
      return this;
    }

    /**
     * Adds the settings of a function key: {@code fkeyN}, then {@code fkey_labelN} and {@code
     * fkey_short_labelN} if it has them.
     *
     * @param key the function key
     * @return this builder
     * @throws IllegalArgumentException if one of them is already set
     */
    public Builder functionKey(FunctionKey key) {
      Objects.requireNonNull(key, "key");
      key.settings().forEach(this::set);
      return this;
    }

    /**
     * Whether the phone stores the settings ({@code store_settings=save}), so that they survive a
     * reboot; false by default, and then a reboot restores what the phone stored before.
     *
     * @param persistent whether the phone stores them
     * @return this builder
     */
    public Builder persistent(boolean persistent) {
      this.persistent = persistent;
      return this;
    }

    /**
     * The settings, split into requests.
     *
     * @return the settings
     * @throws IllegalStateException if no setting was added
     * @throws IllegalArgumentException if one setting does not fit in a request by itself
     */
    public SnomSettings build() {
      if (settings.isEmpty()) {
        throw new IllegalStateException("add at least one setting with set(...) before build()");
      }
      return new SnomSettings(settings, persistent);
    }
  }
}
