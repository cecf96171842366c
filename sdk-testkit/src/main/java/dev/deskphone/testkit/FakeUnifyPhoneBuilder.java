package dev.deskphone.testkit;

import dev.deskphone.core.TlsPolicy;
import dev.deskphone.core.internal.Checks;
import dev.deskphone.unify.SendUrlKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Configures and starts a {@link FakeUnifyPhone}. Defaults: a CP600 at {@code 127.0.0.1} with
 * number {@code +4930123456}, the system clock, system trust for https servers, 5 seconds per key
 * request, pushes over http, strict. Not thread-safe: configure it on one thread; each {@link
 * #start()} starts a new fake.
 */
public final class FakeUnifyPhoneBuilder {
  final Map<String, SendUrlKey> keys = new LinkedHashMap<>();
  FakeUnifyPhone.Model model = FakeUnifyPhone.Model.CP600;
  String ipAddress = "127.0.0.1";
  String phoneNumber = "+4930123456";
  Clock clock = Clock.systemUTC();
  TlsPolicy trust = TlsPolicy.system();
  Duration timeout = Duration.ofSeconds(5);
  boolean https;
  boolean strict = true;
  int port;

  FakeUnifyPhoneBuilder() {}

  /**
   * Adds a Send URL key. At least one is required.
   *
   * @param key the key as configured on the phone
   * @return this builder
   * @throws IllegalArgumentException if a key with its symbolic name was added already
   */
  public FakeUnifyPhoneBuilder key(SendUrlKey key) {
    Objects.requireNonNull(key, "key");
    if (keys.putIfAbsent(key.symbolicName(), key) != null) {
      throw new IllegalArgumentException(
          "symbolic names must be unique across keys; " + key.symbolicName() + " is taken");
    }
    return this;
  }

  /**
   * Sets the model. Defaults to {@link FakeUnifyPhone.Model#CP600}.
   *
   * @param model the model
   * @return this builder
   */
  public FakeUnifyPhoneBuilder model(FakeUnifyPhone.Model model) {
    this.model = Objects.requireNonNull(model, "model");
    return this;
  }

  /**
   * Sets the address the phone reports as {@code ipaddress}. Defaults to {@code 127.0.0.1}.
   *
   * @param ipAddress the address
   * @return this builder
   */
  public FakeUnifyPhoneBuilder ipAddress(String ipAddress) {
    this.ipAddress = Checks.formValue("ipAddress", ipAddress);
    return this;
  }

  /**
   * Sets the number the phone reports as {@code phonenumber}. Defaults to {@code +4930123456}.
   *
   * @param phoneNumber the number
   * @return this builder
   */
  public FakeUnifyPhoneBuilder phoneNumber(String phoneNumber) {
    this.phoneNumber = Checks.formValue("phoneNumber", phoneNumber);
    return this;
  }

  /**
   * Sets the clock the 2-second green, the history and the journal go by. Defaults to the system
   * clock; a test clock lets tests move time instead of sleeping.
   *
   * @param clock the clock
   * @return this builder
   */
  public FakeUnifyPhoneBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Sets how the fake trusts https Send URL servers. Defaults to the system trust.
   *
   * @param trust the policy, for example a pin of the server's certificate
   * @return this builder
   */
  public FakeUnifyPhoneBuilder trust(TlsPolicy trust) {
    this.trust = Objects.requireNonNull(trust, "trust");
    return this;
  }

  /**
   * Sets the deadline of one key request. Defaults to 5 seconds.
   *
   * @param timeout positive
   * @return this builder
   */
  public FakeUnifyPhoneBuilder timeout(Duration timeout) {
    this.timeout = Checks.positive(timeout, "timeout");
    return this;
  }

  /**
   * Serves pushes over https with a certificate made for this run (see {@link
   * FakeUnifyPhone#tls()}).
   *
   * @return this builder
   */
  public FakeUnifyPhoneBuilder https() {
    this.https = true;
    return this;
  }

  /**
   * Sets the port its web server listens on, for a fake run as a standalone server. Defaults to 0,
   * a free port, which is what tests want.
   *
   * @param port 0 to 65535
   * @return this builder
   */
  public FakeUnifyPhoneBuilder port(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be from 0 to 65535, was " + port);
    }
    this.port = port;
    return this;
  }

  /**
   * Does not fail the test at {@link FakeUnifyPhone#close()} for pushes it refused (by default it
   * does, see {@link FakeUnifyPhone#rejected()}).
   *
   * @return this builder
   */
  public FakeUnifyPhoneBuilder lenient() {
    this.strict = false;
    return this;
  }

  /**
   * Starts the fake.
   *
   * @return the running fake
   * @throws IllegalArgumentException if no key was added
   * @throws UncheckedIOException if its web server cannot start
   */
  public FakeUnifyPhone start() {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("a fake Unify phone needs at least one key");
    }
    try {
      return new FakeUnifyPhone(this);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the fake phone's web server", e);
    }
  }
}
