package dev.deskphone.snom;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One action-URL event a snom phone sent: which phone, which event, which call, who, and when it
 * arrived. Values the phone left empty or did not replace (the {@code $remote} text itself) are
 * absent, never that text. An event the SDK does not know keeps its name ({@link #eventName()}),
 * and every parameter of the request except the phone's secret is kept ({@link #parameters()}).
 * Immutable and thread-safe; {@link #toString()} shows no secret.
 */
public final class SnomEvent {
  private final String phone;
  private final String eventName;
  private final SnomEventType type;
  private final String callId;
  private final String local;
  private final String remote;
  private final String displayRemote;
  private final Integer ongoingCalls;
  private final String phoneIp;
  private final String mac;
  private final Map<String, String> parameters;
  private final Instant receivedAt;
  private final InetSocketAddress peer;

  SnomEvent(
      String phone,
      String eventName,
      String callId,
      String local,
      String remote,
      String displayRemote,
      Integer ongoingCalls,
      String phoneIp,
      String mac,
      Map<String, String> parameters,
      Instant receivedAt,
      InetSocketAddress peer) {
    this.phone = Objects.requireNonNull(phone, "phone");
    this.eventName = Objects.requireNonNull(eventName, "eventName");
    this.type = SnomEventType.fromWireName(eventName).orElse(null);
    this.callId = callId;
    this.local = local;
    this.remote = remote;
    this.displayRemote = displayRemote;
    this.ongoingCalls = ongoingCalls;
    this.phoneIp = phoneIp;
    this.mac = mac;
    this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
    this.peer = Objects.requireNonNull(peer, "peer");
  }

  /**
   * {@return the phone, by the id its URLs were configured with (by default its host, such as
   * 10.0.0.5)}
   */
  public String phone() {
    return phone;
  }

  /** {@return the event, if the SDK knows it; see {@link #eventName()} for any other} */
  public Optional<SnomEventType> type() {
    return Optional.ofNullable(type);
  }

  /** {@return the event's name as it came, such as {@code incoming}} */
  public String eventName() {
    return eventName;
  }

  /** {@return the call's id ({@code $call-id}), if the phone gave one} */
  public Optional<String> callId() {
    return Optional.ofNullable(callId);
  }

  /** {@return the local party ({@code $local}), such as {@code 101@pbx}, if given} */
  public Optional<String> local() {
    return Optional.ofNullable(local);
  }

  /** {@return the remote party ({@code $remote}), such as {@code 102@pbx}, if given} */
  public Optional<String> remote() {
    return Optional.ofNullable(remote);
  }

  /** {@return the remote party's display name ({@code $display_remote}), if given} */
  public Optional<String> displayRemote() {
    return Optional.ofNullable(displayRemote);
  }

  /** {@return how many calls the phone has going on ({@code $nr_ongoing_calls}), if given} */
  public OptionalInt ongoingCalls() {
    return ongoingCalls == null ? OptionalInt.empty() : OptionalInt.of(ongoingCalls);
  }

  /** {@return the phone's IP address as it reported it ({@code $phone_ip}), if given} */
  public Optional<String> phoneIp() {
    return Optional.ofNullable(phoneIp);
  }

  /** {@return the phone's MAC address ({@code $mac}), if given} */
  public Optional<String> mac() {
    return Optional.ofNullable(mac);
  }

  /**
   * {@return every parameter of the request as it came, decoded, in the order it came, the secret
   * left out: those the SDK reads above and any other, such as one a phone added}
   */
  public Map<String, String> parameters() {
    return parameters;
  }

  /** {@return when the request arrived} */
  public Instant receivedAt() {
    return receivedAt;
  }

  /** {@return the address the request came from} */
  public InetSocketAddress peer() {
    return peer;
  }

  /** The phone, event, call and remote party; no secret. */
  @Override
  public String toString() {
    return "SnomEvent["
        + phone
        + " "
        + eventName
        + (callId != null ? " call " + callId : "")
        + (remote != null ? " remote " + remote : "")
        + " at "
        + receivedAt
        + "]";
  }
}
