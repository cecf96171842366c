package dev.deskphone.testkit.junit;

import static dev.deskphone.testkit.assertj.DeskphoneAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.deskphone.snom.SnomModel;
import dev.deskphone.snom.SnomPhone;
import dev.deskphone.testkit.FakeSnomPhone;
import dev.deskphone.testkit.FakeUnifyPhone;
import dev.deskphone.testkit.Loopback;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Runs sample test classes that use the extension, and checks what they saw and reported. */
class FakePhoneExtensionTest {

  static final class Lifecycle {
    static final List<URI> SHARED = new CopyOnWriteArrayList<>();
    static final List<URI> PER_TEST = new CopyOnWriteArrayList<>();
    static final List<URI> BUILT = new CopyOnWriteArrayList<>();
    static final List<URI> PARAMETERS = new CopyOnWriteArrayList<>();

    @SnomFake(model = SnomModel.SNOM_870, digest = "admin:secret", https = true)
    static FakeSnomPhone shared;

    @SnomFake FakeSnomPhone perTest;

    @SnomFake FakeSnomPhone built = FakeSnomPhone.builder().model(SnomModel.SNOM_300).start();

    @Test
    void first(@UnifyFake(keys = "Door=http://127.0.0.1:9/") FakeUnifyPhone unify) {
      record(unify);
    }

    @Test
    void second(@UnifyFake(keys = "Door=http://127.0.0.1:9/") FakeUnifyPhone unify) {
      record(unify);
    }

    private void record(FakeUnifyPhone unify) {
      SnomPhone.builder()
          .uri(shared.uri())
          .tls(shared.tls())
          .credentials("admin", "secret")
          .build()
          .press("ENTER");
      SHARED.add(shared.uri());
      PER_TEST.add(perTest.uri());
      BUILT.add(built.uri());
      PARAMETERS.add(unify.uri());
      assertThat(shared.model()).contains(SnomModel.SNOM_870);
      assertThat(built.model()).contains(SnomModel.SNOM_300);
      assertThat(unify.led("Door").state()).isNotNull();
    }
  }

  static final class GuideExample {
    // README:testkit-junit
    @SnomFake(model = SnomModel.SNOM_870, digest = "admin:secret", https = true)
    static FakeSnomPhone shared; // one for the class, started before @BeforeAll

    @SnomFake FakeSnomPhone fresh; // a new one for every test

    @Test
    void dials(@UnifyFake(keys = "Door=http://127.0.0.1:9/") FakeUnifyPhone unify) {
      SnomPhone.builder().uri(fresh.uri()).build().dial("+4930123456");

      assertThat(fresh).dialed("+4930123456");
      assertThat(unify).led("Door").isOff();
      assertThat(shared.certificateFingerprint()).isNotEmpty();
    }
    // README:end
  }

  static final class Strict {
    @SnomFake FakeSnomPhone fake;

    @Test
    void sendsAnUnknownKey() {
      get(fake.uri().resolve("/command.htm?key=NO_SUCH_KEY"));
    }
  }

  static final class Misconfigured {
    @SnomFake(digest = "admin-without-colon-s3cret")
    FakeSnomPhone fake;

    @Test
    void neverRuns() {
      assertThat(fake).isNull();
    }
  }

  static final class Lenient {
    @SnomFake(lenient = true)
    FakeSnomPhone fake;

    @Test
    void sendsAnUnknownKey() {
      get(fake.uri().resolve("/command.htm?key=NO_SUCH_KEY"));
    }
  }

  static void get(URI uri) {
    try {
      HttpClient.newHttpClient()
          .send(HttpRequest.newBuilder(uri).build(), BodyHandlers.discarding());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static TestExecutionSummary run(Class<?> sample) {
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launcher.execute(
        LauncherDiscoveryRequestBuilder.request().selectors(selectClass(sample)).build(), listener);
    return listener.getSummary();
  }

  @Test
  void staticFieldsLiveForTheClassInstanceFieldsAndParametersForOneTest() {
    TestExecutionSummary summary = run(Lifecycle.class);

    assertThat(summary.getFailures()).isEmpty();
    assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
    assertThat(Lifecycle.SHARED).hasSize(2).containsOnly(Lifecycle.SHARED.get(0));
    assertThat(Lifecycle.PER_TEST).hasSize(2).doesNotHaveDuplicates();
    assertThat(Lifecycle.BUILT).hasSize(2).doesNotHaveDuplicates();
    assertThat(Lifecycle.PARAMETERS).hasSize(2).doesNotHaveDuplicates();
    assertThat(Lifecycle.shared).as("reset after the class").isNull();
    for (List<URI> uris :
        List.of(Lifecycle.SHARED, Lifecycle.PER_TEST, Lifecycle.BUILT, Lifecycle.PARAMETERS)) {
      assertThat(uris)
          .allSatisfy(uri -> assertThat(Loopback.refuses(uri)).as(uri + " closed").isTrue());
    }
  }

  @Test
  void aStrictFakeFailsTheTestThatSentARequestItDidNotUnderstand() {
    TestExecutionSummary summary = run(Strict.class);

    assertThat(summary.getTestsFailedCount()).isEqualTo(1);
    assertThat(summary.getFailures())
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.getException())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("did not understand 1 request")
                    .hasMessageContaining("key=NO_SUCH_KEY"));
  }

  @Test
  void theGuidesExamplePasses() {
    TestExecutionSummary summary = run(GuideExample.class);

    assertThat(summary.getFailures()).isEmpty();
    assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
  }

  @Test
  void aBadAttributeFailsTheTestNamingTheFieldButNotTheSecret() {
    TestExecutionSummary summary = run(Misconfigured.class);

    assertThat(summary.getFailures())
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.getException())
                    .isInstanceOf(ExtensionConfigurationException.class)
                    .hasMessageContaining("field Misconfigured.fake: digest must look like A:B")
                    .hasMessageNotContaining("s3cret"));
  }

  @Test
  void aLenientFakeLetsSuchATestPass() {
    TestExecutionSummary summary = run(Lenient.class);

    assertThat(summary.getFailures()).isEmpty();
    assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
  }
}
