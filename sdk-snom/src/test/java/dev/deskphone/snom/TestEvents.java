package dev.deskphone.snom;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Map;

/** Builds the events a phone would send, as the event endpoint would parse them. */
final class TestEvents {
  static final String PHONE = "10.0.0.5";

  private final String phone;
  private final String name;
  private final String callId;
  private String remote;
  private String displayRemote;
  private Integer ongoingCalls;

  private TestEvents(String phone, String name, String callId) {
    this.phone = phone;
    this.name = name;
    this.callId = callId;
  }

  /** {@code name} for call {@code callId} (null: none given) on {@link #PHONE}. */
  static SnomEvent event(String name, String callId) {
    return on(PHONE, name, callId).build();
  }

  static TestEvents on(String phone, String name, String callId) {
    return new TestEvents(phone, name, callId);
  }

  TestEvents remote(String remote) {
    this.remote = remote;
    return this;
  }

  TestEvents display(String displayRemote) {
    this.displayRemote = displayRemote;
    return this;
  }

  TestEvents ongoing(int calls) {
    this.ongoingCalls = calls;
    return this;
  }

  SnomEvent build() {
    return new SnomEvent(
        phone,
        name,
        callId,
        "101@pbx",
        remote,
        displayRemote,
        ongoingCalls,
        phone,
        null,
        Map.of("event", name),
        Instant.EPOCH,
        new InetSocketAddress("127.0.0.1", 40000));
  }
}
