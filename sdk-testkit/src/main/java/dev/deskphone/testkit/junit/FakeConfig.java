package dev.deskphone.testkit.junit;

import dev.deskphone.testkit.FakeSnomPhone;
import dev.deskphone.testkit.FakeUnifyPhone;
import dev.deskphone.unify.SendUrlKey;
import java.net.URI;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** Starts fakes from the annotations' attributes. */
final class FakeConfig {
  private FakeConfig() {}

  static FakeSnomPhone start(SnomFake a, String where) {
    FakeSnomPhone.Builder b = FakeSnomPhone.builder();
    if (a == null) {
      return b.start();
    }
    if (a.model().length > 1) {
      throw new ExtensionConfigurationException(where + ": give at most one model");
    }
    if (a.model().length == 1) {
      b.model(a.model()[0]);
    }
    if (!a.digest().isEmpty() && !a.basic().isEmpty()) {
      throw new ExtensionConfigurationException(where + ": choose digest or basic, not both");
    }
    if (!a.digest().isEmpty()) {
      String[] up = pair(a.digest(), ':', where + ": digest");
      b.digestAuth(up[0], up[1]);
    }
    if (!a.basic().isEmpty()) {
      String[] up = pair(a.basic(), ':', where + ": basic");
      b.basicAuth(up[0], up[1]);
    }
    if (a.https()) {
      b.https();
    }
    if (a.lenient()) {
      b.lenient();
    }
    return b.start();
  }

  static FakeUnifyPhone start(UnifyFake a, String where) {
    if (a == null || a.keys().length == 0) {
      throw new ExtensionConfigurationException(
          where + ": a fake Unify phone needs @UnifyFake(keys = \"Name=URL\") or a built fake");
    }
    FakeUnifyPhone.Builder b = FakeUnifyPhone.builder().model(a.model());
    for (String key : a.keys()) {
      String[] nameUrl = pair(key, '=', where + ": key");
      b.key(SendUrlKey.builder().symbolicName(nameUrl[0]).server(URI.create(nameUrl[1])).build());
    }
    if (a.https()) {
      b.https();
    }
    if (a.lenient()) {
      b.lenient();
    }
    return b.start();
  }

  private static String[] pair(String value, char separator, String what) {
    int at = value.indexOf(separator);
    if (at <= 0) {
      throw new ExtensionConfigurationException(
          what
              + " must look like A"
              + separator
              + "B"
              + (separator == '=' ? ", was " + value : ""));
    }
    return new String[] {value.substring(0, at), value.substring(at + 1)};
  }
}
