package dev.deskphone.snom;

import dev.deskphone.core.Credentials;
import dev.deskphone.core.JdkHttpTransport;
import dev.deskphone.core.KeyEvent;
import dev.deskphone.core.PhoneAuth;
import dev.deskphone.core.PhoneException;
import dev.deskphone.core.PhoneOutcomeUnknownException;
import dev.deskphone.core.PhoneRequest;
import dev.deskphone.core.PhoneResponse;
import dev.deskphone.core.PhoneTransport;
import dev.deskphone.core.TlsPolicy;
import dev.deskphone.core.TouchCommand;
import dev.deskphone.core.internal.Checks;
import dev.deskphone.core.internal.PhoneUris;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A snom desk phone, driven through its HTTP remote control.
 *
 * <pre>{@code
 * SnomPhone phone = SnomPhone.builder()
 *     .uri(URI.create("http://10.0.0.5"))
 *     .credentials("admin", "secret")   // Digest or Basic, as the phone asks
 *     .model(SnomModel.SNOM_870)        // optional: checks keys, touches and features first
 *     .build();
 * phone.press("OFFHOOK;1,200,100;#");
 * phone.dial("+4930123456");
 * }</pre>
 *
 * <p>Each operation builds a {@link SnomCommand}, checks it against the model if one is set, and
 * sends it once. The blocking methods return when the phone has accepted the command and throw a
 * {@link PhoneException} subtype otherwise; {@link #sendAsync} runs any command without blocking
 * (for example on many phones with {@link dev.deskphone.core.PhoneBatch}). Invalid arguments fail
 * with {@link IllegalArgumentException}, and a feature the model lacks with {@link
 * dev.deskphone.core.PhoneUnsupportedException}, before any byte is sent.
 *
 * <p>The phone's answers: any 2xx is success, and so is a {@code 302} to {@code index.htm} after a
 * dial; any other redirect fails with {@link dev.deskphone.core.PhoneRedirectException} (never
 * followed), a 404 on {@code command.htm} with {@link dev.deskphone.core.PhoneUnsupportedException}
 * (no remote control on this model or firmware), refused credentials with {@link
 * dev.deskphone.core.PhoneAuthenticationException}. A connection closed after the command was sent
 * fails with {@link PhoneOutcomeUnknownException}: the command may have run, and it is never
 * resent.
 *
 * <p>Its one transport is {@code transport.withAuth(auth)} (see {@link PhoneTransport#withAuth}):
 * the phone's login state (nonce, failed logins) lives in this object, so build one {@code
 * SnomPhone} per phone and keep it. Immutable and thread-safe: share it. Blocking methods wait at
 * most the request deadline (twice when a login challenge is answered); they are interruptible.
 */
public final class SnomPhone {
  private final URI uri;
  private final String id;
  private final String phone;
  private final SnomModel model;
  private final PhoneAuth auth;
  private final TlsPolicy tls;
  private final Duration timeout;
  private final PhoneTransport transport;

  private SnomPhone(Builder b) {
    this.uri = b.uri;
    this.id = b.id != null ? b.id : defaultId(b.uri);
    this.phone = PhoneUris.phoneOf(b.uri);
    this.model = b.model;
    this.auth = b.auth;
    this.tls = b.tls;
    this.timeout = b.timeout;
    this.transport = b.transport.withAuth(b.auth);
  }

  /** {@return a builder; {@link Builder#uri(URI)} is required} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the phone's web server, for example {@code http://10.0.0.5}} */
  public URI uri() {
    return uri;
  }

  /**
   * {@return the phone's id in the action URLs {@link #configureEvents} writes, and so in its
   * {@link SnomEvent#phone()}: as set on the builder, else the host of its URI (with the port when
   * the URI names one), such as {@code 10.0.0.5} or {@code 127.0.0.1:40123}}
   */
  public String id() {
    return id;
  }

  /** {@return the model its commands are checked against, if set} */
  public Optional<SnomModel> model() {
    return Optional.ofNullable(model);
  }

  /**
   * Sends {@code command} and waits for the phone to accept it.
   *
   * @param command the command
   * @throws IllegalArgumentException if the command does not fit the model
   * @throws PhoneException if the phone could not be reached or did not accept the command
   */
  public void send(SnomCommand command) {
    send(request(command), command);
  }

  private void send(PhoneRequest request, SnomCommand command) {
    SnomAnswerCheck.check(request, transport.sendAndWait(request), command);
  }

  /**
   * Writes {@code settings} and waits for the phone to accept them: the requests of {@link
   * SnomSettings#commands()}, one after another, each sent once. Every request is checked against
   * the model before the first is sent. The first failure stops the write and is thrown; the
   * requests before it were accepted by the phone (and stay written), the ones after it are not
   * sent, and nothing is resent. When the settings took several requests, the exception's operation
   * says which one failed, for example {@code "snom write settings (request 2 of 3)"}.
   *
   * <p>What a phone answers to a setting it does not know, or that the logged-in user may not
   * write, is not documented: it may answer {@code 200} without writing it, which the SDK cannot
   * tell from success. Whether the snom D8xx takes settings over HTTP is not documented: they are
   * sent, and a {@code 404} fails with {@link dev.deskphone.core.PhoneUnsupportedException}.
   *
   * @param settings the settings to write
   * @throws PhoneException if the phone could not be reached or did not accept a request
   */
  public void writeSettings(SnomSettings settings) {
    Objects.requireNonNull(settings, "settings");
    List<SnomCommand> commands = settings.commands();
    List<PhoneRequest> requests = commands.stream().map(this::request).toList();
    for (int i = 0; i < requests.size(); i++) {
      send(requests.get(i), commands.get(i));
    }
  }

  /**
   * Points the phone's action URLs for {@code types} at {@code events}, reached by the phones at
   * {@code publicBase}, and stores them on the phone (they survive a reboot): one settings write,
   * {@link #writeSettings}, of {@link SnomEventEndpoint#actionUrls} for this phone's {@link #id()}.
   * From then on the phone sends those events, and {@code events} hands them to its listeners.
   *
   * @param events the endpoint the phone's events go to
   * @param publicBase where the phones reach that endpoint, such as {@code
   *     http://pbx.example:8080/snom/events}; behind NAT or a proxy, not the address it binds
   * @param types the events to send
   * @throws IllegalArgumentException if {@code types} is empty or the base is not an http(s) URI
   * @throws PhoneException if the phone did not accept the settings
   */
  public void configureEvents(SnomEventEndpoint events, URI publicBase, Set<SnomEventType> types) {
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(types, "types");
    if (types.isEmpty()) {
      throw new IllegalArgumentException("types is empty: name the events the phone should send");
    }
    SnomSettings.Builder settings = SnomSettings.builder().persistent(true);
    events.actionUrls(id, types, publicBase).forEach(settings::set);
    writeSettings(settings.build());
  }

  /**
   * Sends {@code command} without blocking.
   *
   * @param command the command
   * @return a future completed when the phone accepted the command, or exceptionally with a {@link
   *     PhoneException}; cancelling it aborts the exchange
   * @throws IllegalArgumentException if the command does not fit the model (thrown, not in the
   *     future)
   * @throws dev.deskphone.core.PhoneUnsupportedException if the model lacks the feature
   */
  public CompletableFuture<Void> sendAsync(SnomCommand command) {
    PhoneRequest request = request(command);
    CompletableFuture<PhoneResponse> sent = transport.send(request);
    CompletableFuture<Void> result =
        sent.thenAccept(response -> SnomAnswerCheck.check(request, response, command));
    result.whenComplete(
        (r, e) -> {
          if (result.isCancelled()) {
            sent.cancel(true);
          }
        });
    return result;
  }

  /** The host of {@code uri}, IPv6 without brackets, and the port if the URI names one. */
  private static String defaultId(URI uri) {
    String host = uri.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return uri.getPort() < 0 ? host : host + ":" + uri.getPort();
  }

  /** The request for {@code command}, checked against the model first. */
  private PhoneRequest request(SnomCommand command) {
    Objects.requireNonNull(command, "command");
    if (model != null) {
      command.checkFor(model, phone);
    }
    PhoneRequest.Builder request =
        PhoneRequest.builder("GET", uri.resolve(command.target()))
            .operation(command.operation())
            .tls(tls);
    if (timeout != null) {
      request.timeout(timeout);
    }
    if (command.headersOnly()) {
      request.headersOnly();
    }
    return request.build();
  }

  /**
   * Shows the minibrowser document at {@code document} on the phone's screen now; the phone fetches
   * it. See {@link SnomCommand#show(URI)}.
   *
   * @param document the document's URL
   */
  public void show(URI document) {
    send(SnomCommand.show(document));
  }

  /**
   * Presses keys in one request; see {@link SnomCommand#press(KeyEvent...)}.
   *
   * @param events the key events, in order
   */
  public void press(KeyEvent... events) {
    send(SnomCommand.press(events));
  }

  /**
   * Presses keys written as {@code "OFFHOOK;1,200,100;#"}; see {@link SnomKeySequence}.
   *
   * @param sequence the keys, in the vendor's grammar
   */
  public void press(String sequence) {
    send(SnomCommand.press(sequence));
  }

  /**
   * Presses the keys of {@code sequence}.
   *
   * @param sequence the keys
   */
  public void press(SnomKeySequence sequence) {
    send(SnomCommand.press(sequence));
  }

  /**
   * Touches the screen, chained in one request; see {@link SnomCommand#touch}.
   *
   * @param touches the touches, in order
   */
  public void touch(TouchCommand... touches) {
    send(SnomCommand.touch(touches));
  }

  /**
   * Dials a number; see {@link SnomCommand#dial(String)}.
   *
   * @param number the number to dial
   */
  public void dial(String number) {
    send(SnomCommand.dial(number));
  }

  /**
   * Dials a number through an identity; see {@link SnomCommand#dial(String, String)}.
   *
   * @param number the number to dial
   * @param outgoingUri the identity's {@code sip:} or {@code sips:} URI
   */
  public void dial(String number, String outgoingUri) {
    send(SnomCommand.dial(number, outgoingUri));
  }

  /**
   * Sends DTMF tones; see {@link SnomCommand#dtmf}.
   *
   * @param digits the tones: digits, {@code *} and {@code #}
   */
  public void sendDtmf(String digits) {
    send(SnomCommand.dtmf(digits));
  }

  /** Ends every call. */
  public void releaseAllCalls() {
    send(SnomCommand.releaseAllCalls());
  }

  /** Logs off every identity. */
  public void logoffAll() {
    send(SnomCommand.logoffAll());
  }

  /**
   * Logs off identity 1 to 12.
   *
   * @param identity from 1 to 12
   */
  public void logoff(int identity) {
    send(SnomCommand.logoff(identity));
  }

  /**
   * Registers identity 1 to 12 again.
   *
   * @param identity from 1 to 12
   */
  public void reregister(int identity) {
    send(SnomCommand.reregister(identity));
  }

  /**
   * Plays ringer 1 to 9.
   *
   * @param ringer from 1 to 9
   */
  public void playRinger(int ringer) {
    send(SnomCommand.playRinger(ringer));
  }

  /** Reboots the phone. */
  public void reboot() {
    send(SnomCommand.reboot());
  }

  /** Resets the phone to factory settings. */
  public void factoryReset() {
    send(SnomCommand.factoryReset());
  }

  /**
   * Clears a call list.
   *
   * @param list the call list to clear
   */
  public void clearCallList(CallList list) {
    send(SnomCommand.clearCallList(list));
  }

  /**
   * Loads firmware from an http or https URL; see {@link SnomCommand#upgradeFirmware}.
   *
   * @param firmware the firmware's http or https URL
   */
  public void upgradeFirmware(URI firmware) {
    send(SnomCommand.upgradeFirmware(firmware));
  }

  /** Fixes the line-info layer of {@code screen.bmp} (snom 820/821). */
  public void fixLineInfoLayer() {
    send(SnomCommand.fixLineInfoLayer());
  }

  /** The phone, model and authentication, never the password. */
  @Override
  public String toString() {
    return "SnomPhone["
        + phone
        + (model != null ? ", " + model.displayName() : "")
        + ", "
        + auth
        + "]";
  }

  /** Builds a {@link SnomPhone}. Not thread-safe. */
  public static final class Builder {
    private URI uri;
    private SnomModel model;
    private PhoneAuth auth = PhoneAuth.none();
    private PhoneTransport transport = JdkHttpTransport.shared();
    private TlsPolicy tls = TlsPolicy.system();
    private Duration timeout;
    private String id;

    private Builder() {}

    /**
     * The phone's web server: {@code http} or {@code https}, a host, an optional port, and no path,
     * query, fragment or user-info.
     *
     * @param uri the phone's web server
     * @return this builder
     * @throws IllegalArgumentException for any other URI
     */
    public Builder uri(URI uri) {
      this.uri = PhoneUris.root(uri, "http://10.0.0.5 or https://phone:8443");
      return this;
    }

    /**
     * Answers the phone's login challenge (Digest, or Basic over https) with these.
     *
     * @param username the user name
     * @param password the password
     * @return this builder
     */
    public Builder credentials(String username, String password) {
      return auth(PhoneAuth.of(Credentials.of(username, password)));
    }

    /**
     * Answers the phone's login challenge with these credentials.
     *
     * @param credentials the credentials
     * @return this builder
     */
    public Builder credentials(Credentials credentials) {
      return auth(PhoneAuth.of(credentials));
    }

    /**
     * How to authenticate, with the opt-ins {@link PhoneAuth} offers (Basic over plain http, a
     * Digest-to-Basic change); no credentials by default.
     *
     * @param auth how to authenticate
     * @return this builder
     */
    public Builder auth(PhoneAuth auth) {
      this.auth = Objects.requireNonNull(auth, "auth");
      return this;
    }

    /**
     * The model, to check keys, touches and features before sending; none by default.
     *
     * @param model the model
     * @return this builder
     */
    public Builder model(SnomModel model) {
      this.model = Objects.requireNonNull(model, "model");
      return this;
    }

    /**
     * The transport; {@link JdkHttpTransport#shared()} by default. Pass one of your own to choose
     * its connect timeout and bounds, or to close it when you are done; the phone does not close
     * it.
     *
     * @param transport the transport
     * @return this builder
     */
    public Builder transport(PhoneTransport transport) {
      this.transport = Objects.requireNonNull(transport, "transport");
      return this;
    }

    /**
     * How to trust the phone's certificate over https; {@link TlsPolicy#system()} by default, or
     * {@link TlsPolicy#pinned} for a phone's self-signed certificate.
     *
     * @param tls the TLS policy
     * @return this builder
     */
    public Builder tls(TlsPolicy tls) {
      this.tls = Objects.requireNonNull(tls, "tls");
      return this;
    }

    /**
     * The phone's id in its action URLs and events ({@link SnomPhone#id()}); the host of its URI by
     * default.
     *
     * @param id 1 to 64 ASCII letters, digits and {@code . - _ :}
     * @return this builder
     * @throws IllegalArgumentException otherwise
     */
    public Builder id(String id) {
      this.id = EventUrls.checkPhoneId(Objects.requireNonNull(id, "id"));
      return this;
    }

    /**
     * The deadline of each exchange, body included; the transport's default if not set.
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Checks.positive(timeout, "timeout");
      return this;
    }

    /**
     * The phone.
     *
     * @return the phone
     * @throws IllegalStateException if no URI was set
     */
    public SnomPhone build() {
      if (uri == null) {
        throw new IllegalStateException("set the phone's uri(...) before build()");
      }
      return new SnomPhone(this);
    }
  }
}
