package dev.deskphone.snom;

import dev.deskphone.core.KeyEvent;
import dev.deskphone.core.PhoneUnsupportedException;
import dev.deskphone.core.TouchCommand;
import dev.deskphone.core.internal.Checks;
import dev.deskphone.core.internal.PercentEncoding;
import dev.deskphone.core.internal.Redaction;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One command of the snom HTTP remote control, validated and encoded, ready to send to any number
 * of phones with {@link SnomPhone#send} or {@link SnomPhone#sendAsync}. Each factory checks its
 * arguments without knowing the phone's model; {@link SnomPhone} adds the checks of its model.
 *
 * <pre>{@code
 * SnomCommand dial = SnomCommand.dial("+4930123456");
 * dial.target(); // "/command.htm?number=%2B4930123456"
 * }</pre>
 *
 * <p>Every value is percent-encoded so that nothing it holds can add a parameter or a key: {@code
 * #} goes as {@code %23}, {@code *} as {@code %2A}, {@code +} as {@code %2B}. Immutable and
 * thread-safe.
 */
public final class SnomCommand {
  /** The most touches one command may chain: {@value}. */
  public static final int MAX_TOUCHES = 64;

  /** The longest number to dial or DTMF string, in characters: {@value}. */
  public static final int MAX_NUMBER_LENGTH = 64;

  /** The longest outgoing SIP URI or firmware URL, in characters: {@value}. */
  public static final int MAX_URI_LENGTH = 512;

  private static final String COMMAND = "/command.htm";

  private static final String SETTINGS_PAGE = "/dummy.htm";

  private static final String SETTINGS_QUERY = "settings=save";

  private final String operation;
  private final String path;
  private final String query;
  private final List<SnomKey> keys;
  private final List<TouchCommand> touches;
  private final boolean lineInfoLayerFix;
  private final boolean headersOnly;

  private SnomCommand(
      String operation,
      String path,
      String query,
      List<SnomKey> keys,
      List<TouchCommand> touches,
      boolean lineInfoLayerFix) {
    this(operation, path, query, keys, touches, lineInfoLayerFix, false);
  }

  private SnomCommand(
      String operation,
      String path,
      String query,
      List<SnomKey> keys,
      List<TouchCommand> touches,
      boolean lineInfoLayerFix,
      boolean headersOnly) {
    this.operation = operation;
    this.path = path;
    this.query = query;
    this.keys = keys;
    this.touches = touches;
    this.lineInfoLayerFix = lineInfoLayerFix;
    this.headersOnly = headersOnly;
  }

  private static SnomCommand simple(String operation, String path, String query) {
    return new SnomCommand(operation, path, query, List.of(), List.of(), false);
  }

  /**
   * Presses keys, in order, in one request: {@code /command.htm?key=K1;K2;...}.
   *
   * @param events 1 to {@value SnomKeySequence#MAX_EVENTS} events of {@link SnomKey}s
   * @return the command
   * @throws IllegalArgumentException see {@link SnomKeySequence#of(List)}
   */
  public static SnomCommand press(KeyEvent... events) {
    return press(SnomKeySequence.of(List.of(events)));
  }

  /**
   * Presses the keys of a sequence in the vendor's grammar, for example {@code
   * "OFFHOOK;1,200,100;#"}.
   *
   * @param sequence the keys, in the vendor's grammar
   * @return the command
   * @throws IllegalArgumentException see {@link SnomKeySequence#parse(String)}
   */
  public static SnomCommand press(String sequence) {
    return press(SnomKeySequence.parse(sequence));
  }

  /**
   * Presses the keys of {@code sequence}.
   *
   * @param sequence the keys
   * @return the command
   */
  public static SnomCommand press(SnomKeySequence sequence) {
    Objects.requireNonNull(sequence, "sequence");
    List<SnomKey> keys = sequence.events().stream().map(e -> (SnomKey) e.key()).toList();
    String value = PercentEncoding.encode(sequence.toString(), ";,");
    return new SnomCommand("snom press", COMMAND, "key=" + value, keys, List.of(), false);
  }

  /**
   * Touches the screen, chained in one request: {@code /command.htm?touch=X Y ACTION[ X Y
   * ACTION...]}, a tap as {@code pr}, a press as {@code press}, a release as {@code release}.
   *
   * @param touches 1 to {@value #MAX_TOUCHES} touches
   * @return the command
   * @throws IllegalArgumentException if there are none or too many
   */
  public static SnomCommand touch(TouchCommand... touches) {
    List<TouchCommand> list = List.of(touches);
    if (list.isEmpty() || list.size() > MAX_TOUCHES) {
      throw new IllegalArgumentException(
          "a touch command needs 1 to " + MAX_TOUCHES + " touches, was " + list.size());
    }
    StringBuilder value = new StringBuilder();
    for (TouchCommand t : list) {
      if (value.length() > 0) {
        value.append("%20");
      }
      value.append(t.x()).append("%20").append(t.y()).append("%20").append(action(t));
    }
    return new SnomCommand("snom touch", COMMAND, "touch=" + value, List.of(), list, false);
  }

  private static String action(TouchCommand t) {
    switch (t.action()) {
      case PRESS:
        return "press";
      case RELEASE:
        return "release";
      case TAP:
      default:
        return "pr";
    }
  }

  /**
   * Dials {@code number}: {@code /command.htm?number=NUMBER}.
   *
   * @param number 1 to {@value #MAX_NUMBER_LENGTH} digits, {@code *} and {@code #}, with an
   *     optional leading {@code +}
   * @return the command
   * @throws IllegalArgumentException for any other number
   */
  public static SnomCommand dial(String number) {
    return simple("snom dial", COMMAND, "number=" + number(number));
  }

  /**
   * Dials {@code number} through the identity of {@code outgoingUri}: {@code
   * /command.htm?number=NUMBER&outgoing_uri=URI}.
   *
   * @param number as for {@link #dial(String)}
   * @param outgoingUri a {@code sip:} or {@code sips:} URI of up to {@value #MAX_URI_LENGTH}
   *     printable ASCII characters, such as {@code sip:1234@pbx.example}
   * @return the command
   * @throws IllegalArgumentException if either is not acceptable
   */
  public static SnomCommand dial(String number, String outgoingUri) {
    String encodedNumber = number(number);
    String uri = sipUri("outgoingUri", outgoingUri);
    return simple(
        "snom dial",
        COMMAND,
        "number=" + encodedNumber + "&outgoing_uri=" + PercentEncoding.encode(uri, ":@"));
  }

  /**
   * Checks a {@code sip:} or {@code sips:} URI of up to {@value #MAX_URI_LENGTH} printable ASCII
   * characters without spaces, naming it {@code field} in the error.
   */
  static String sipUri(String field, String uri) {
    Objects.requireNonNull(uri, field);
    String scheme = uri.toLowerCase(Locale.ROOT);
    if (!(scheme.startsWith("sip:") || scheme.startsWith("sips:"))
        || uri.length() > MAX_URI_LENGTH
        || uri.length() <= scheme.indexOf(':') + 1
        || !isPrintableAscii(uri)) {
      throw new IllegalArgumentException(
          field
              + " must be a sip: or sips: URI of up to "
              + MAX_URI_LENGTH
              + " printable ASCII characters without spaces, was "
              + Checks.quote(uri));
    }
    return uri;
  }

  private static String number(String number) {
    Objects.requireNonNull(number, "number");
    if (!isDialString(number, true)) {
      throw new IllegalArgumentException(
          "number must be 1 to "
              + MAX_NUMBER_LENGTH
              + " digits, '*' and '#', with an optional leading '+', was "
              + Checks.quote(number));
    }
    return PercentEncoding.encode(number, "");
  }

  /**
   * Sends DTMF tones in the call: {@code /command.htm?key_dtmf=DIGITS}.
   *
   * @param digits 1 to {@value #MAX_NUMBER_LENGTH} digits, {@code *} and {@code #}
   * @return the command
   * @throws IllegalArgumentException for anything else
   */
  public static SnomCommand dtmf(String digits) {
    Objects.requireNonNull(digits, "digits");
    if (!isDialString(digits, false)) {
      throw new IllegalArgumentException(
          "DTMF digits must be 1 to "
              + MAX_NUMBER_LENGTH
              + " of 0-9, '*' and '#', was "
              + Checks.quote(digits));
    }
    return simple("snom dtmf", COMMAND, "key_dtmf=" + PercentEncoding.encode(digits, ""));
  }

  /**
   * Ends every call: {@code /command.htm?RELEASE_ALL_CALLS}.
   *
   * @return the command
   */
  public static SnomCommand releaseAllCalls() {
    return simple("snom release all calls", COMMAND, "RELEASE_ALL_CALLS");
  }

  /**
   * Logs off every identity: {@code /command.htm?LOGOFFALL}.
   *
   * @return the command
   */
  public static SnomCommand logoffAll() {
    return simple("snom log off all", COMMAND, "LOGOFFALL");
  }

  /**
   * Logs off one identity: {@code /command.htm?LOGOFFLINE=n}.
   *
   * @param identity from 1 to 12
   * @return the command
   */
  public static SnomCommand logoff(int identity) {
    return simple("snom log off", COMMAND, "LOGOFFLINE=" + identity(identity));
  }

  /**
   * Registers one identity again: {@code /command.htm?REREGISTER=n}.
   *
   * @param identity from 1 to 12
   * @return the command
   */
  public static SnomCommand reregister(int identity) {
    return simple("snom re-register", COMMAND, "REREGISTER=" + identity(identity));
  }

  private static int identity(int identity) {
    if (identity < 1 || identity > 12) {
      throw new IllegalArgumentException("identity must be from 1 to 12, was " + identity);
    }
    return identity;
  }

  /**
   * Plays a ringer: {@code /line_login.htm?PLAY_RINGER:n=+Ringer}, exactly as the vendor page
   * writes it.
   *
   * @param ringer from 1 to 9
   * @return the command
   */
  public static SnomCommand playRinger(int ringer) {
    if (ringer < 1 || ringer > 9) {
      throw new IllegalArgumentException("ringer must be from 1 to 9, was " + ringer);
    }
    return simple("snom play ringer", "/line_login.htm", "PLAY_RINGER:" + ringer + "=+Ringer");
  }

  /**
   * Reboots the phone: {@code /advanced_update.htm?reboot=Reboot}.
   *
   * @return the command
   */
  public static SnomCommand reboot() {
    return simple("snom reboot", "/advanced_update.htm", "reboot=Reboot");
  }

  /**
   * Resets the phone to factory settings: {@code /advanced_update.htm?reset=Reset}.
   *
   * @return the command
   */
  public static SnomCommand factoryReset() {
    return simple("snom factory reset", "/advanced_update.htm", "reset=Reset");
  }

  /**
   * Clears a call list: {@code /index.htm?dialeddel=clear} and the like.
   *
   * @param list the call list to clear
   * @return the command
   */
  public static SnomCommand clearCallList(CallList list) {
    Objects.requireNonNull(list, "list");
    return simple("snom clear call list", "/index.htm", list.parameter() + "=clear");
  }

  /**
   * Loads firmware from {@code firmware}: {@code /dummy.htm?swload=load&firmware=URL}.
   *
   * @param firmware an absolute {@code http} or {@code https} URL with a host, no user-info and no
   *     fragment, of up to {@value #MAX_URI_LENGTH} characters
   * @return the command
   * @throws IllegalArgumentException for any other URL
   */
  public static SnomCommand upgradeFirmware(URI firmware) {
    String text = httpUrl("firmware", firmware);
    return simple(
        "snom upgrade firmware",
        "/dummy.htm",
        "swload=load&firmware=" + PercentEncoding.encode(text, ":/"));
  }

  /**
   * Shows a minibrowser document on the phone's screen now: {@code /minibrowser.htm?url=<document,
   * percent-encoded>}; the phone then fetches the document itself, so it must reach {@code
   * document}. The phone's answer is taken at its head: a snom phone is reported to answer this
   * request slowly (about 8 s) to a client that keeps the connection alive (symcon/Snom), as when
   * it answers without a length and holds the connection open; the SDK does not read on, and the
   * connection is closed (unverified beyond that report).
   *
   * @param document an absolute {@code http} or {@code https} URL with a host, no user-info and no
   *     fragment, of up to {@value #MAX_URI_LENGTH} characters
   * @return the command
   * @throws IllegalArgumentException for any other URL
   */
  public static SnomCommand show(URI document) {
    String text = httpUrl("document", document);
    return new SnomCommand(
        "snom show document",
        "/minibrowser.htm",
        "url=" + PercentEncoding.encode(text),
        List.of(),
        List.of(),
        false,
        true);
  }

  /**
   * Whether only the answer's status and headers are read (see {@link #show(URI)}); package use.
   */
  boolean headersOnly() {
    return headersOnly;
  }

  /**
   * Checks an absolute {@code http} or {@code https} URL with a host, no user-info and no fragment,
   * of up to {@value #MAX_URI_LENGTH} characters, naming it {@code field} in the error.
   *
   * @return the URL in its ASCII form
   */
  static String httpUrl(String field, URI url) {
    Objects.requireNonNull(url, field);
    String scheme = url.getScheme() == null ? "" : url.getScheme();
    String text = url.toASCIIString();
    if (!(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
        || url.isOpaque()
        || url.getHost() == null
        || url.getRawFragment() != null
        || text.length() > MAX_URI_LENGTH) {
      throw new IllegalArgumentException(
          field
              + " must be an absolute http or https URL with a host and no fragment, of up to "
              + MAX_URI_LENGTH
              + " characters, was "
              + Checks.quote(url.getRawUserInfo() != null ? "(URL with user-info)" : text));
    }
    if (url.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          field
              + " URL must not carry user-info (credentials): the phone would show them in its"
              + " logs; host was "
              + Checks.quote(url.getHost()));
    }
    return text;
  }

  /**
   * Fixes the line-info layer of {@code screen.bmp} (snom 820/821): {@code FIX_LIL=true}.
   *
   * @return the command
   */
  public static SnomCommand fixLineInfoLayer() {
    return new SnomCommand(
        "snom fix line-info layer", COMMAND, "FIX_LIL=true", List.of(), List.of(), true);
  }

  /**
   * One request of a settings write, {@code /dummy.htm?settings=save&...}, its query already
   * validated and encoded by {@link SnomSettings}.
   */
  static SnomCommand settingsWrite(String operation, String query) {
    return simple(operation, SETTINGS_PAGE, query);
  }

  /** {@return the operation's name for messages and logs, for example {@code "snom dial"}} */
  public String operation() {
    return operation;
  }

  /** {@return the path, for example {@code /command.htm}} */
  public String path() {
    return path;
  }

  /** {@return the request target as sent: path and percent-encoded query} */
  public String target() {
    return path + "?" + query;
  }

  /** Whether this is a dial, whose answer may be a {@code 302} to {@code index.htm}. */
  boolean isDial() {
    return query.startsWith("number=");
  }

  /** Whether it writes settings ({@code /dummy.htm?settings=save...}). */
  boolean isSettingsWrite() {
    return path.equals(SETTINGS_PAGE) && query.startsWith(SETTINGS_QUERY);
  }

  /** Whether it goes to {@code command.htm}, which phones without remote control answer 404. */
  boolean isRemoteControl() {
    return path.equals(COMMAND);
  }

  /**
   * Checks this command against a model, before any byte is sent.
   *
   * <p>A settings write passes on every model, the D8xx included: whether a D8xx takes {@code
   * dummy.htm?settings=save} is not documented, so it is sent, and a {@code 404} fails it loudly.
   *
   * @throws PhoneUnsupportedException if the model lacks the feature (remote control, touch screen,
   *     line-info-layer fix)
   * @throws IllegalArgumentException if it lacks a key or a touch lies off its screen
   */
  void checkFor(SnomModel model, String phone) {
    if (!model.hasRemoteControl() && !isSettingsWrite()) {
      throw unsupported(
          model,
          phone,
          "has no HTTP remote control (the D8xx \"Phone Manager\" web interface no longer takes"
              + " command.htm)");
    }
    for (SnomKey key : keys) {
      Optional<String> why = model.whyNot(key);
      if (why.isPresent()) {
        throw new IllegalArgumentException(
            "key " + key.wireName() + " is not on this phone: " + why.get());
      }
    }
    if (!touches.isEmpty()) {
      TouchScreen screen =
          model.touchScreen().orElseThrow(() -> unsupported(model, phone, "has no touch screen"));
      for (TouchCommand t : touches) {
        if (!screen.contains(t.x(), t.y())) {
          throw new IllegalArgumentException(
              "touch at ("
                  + t.x()
                  + ", "
                  + t.y()
                  + ") is off the "
                  + model.displayName()
                  + "'s screen: x must be 0 to "
                  + (screen.width() - 1)
                  + ", y 0 to "
                  + (screen.height() - 1));
        }
      }
    }
    if (lineInfoLayerFix && !model.hasLineInfoLayerFix()) {
      throw unsupported(model, phone, "has no line-info-layer fix (only the snom 820 and 821)");
    }
  }

  private PhoneUnsupportedException unsupported(SnomModel model, String phone, String what) {
    return new PhoneUnsupportedException(
        phone, operation, "the " + model.displayName() + " " + what, null);
  }

  /** Whether {@code s} is 1 to 64 digits, {@code *} and {@code #}, with an optional leading +. */
  static boolean isDialString(String s, boolean leadingPlus) {
    int start = leadingPlus && s.startsWith("+") ? 1 : 0;
    if (s.length() <= start || s.length() > MAX_NUMBER_LENGTH) {
      return false;
    }
    for (int i = start; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || c == '*' || c == '#')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isPrintableAscii(String s) {
    return s.chars().allMatch(c -> c > 0x20 && c < 0x7F);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SnomCommand c
        && operation.equals(c.operation)
        && target().equals(c.target());
  }

  @Override
  public int hashCode() {
    return Objects.hash(operation, target());
  }

  /** The operation and target, with secret-looking query values shown as {@code ***}. */
  @Override
  public String toString() {
    return "SnomCommand[" + operation + " " + path + "?" + Redaction.query(query) + "]";
  }
}
