package dev.deskphone.testkit.junit;

import dev.deskphone.testkit.FakeSnomPhone;
import dev.deskphone.testkit.FakeUnifyPhone;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The fakes one extension context started or adopted, closed together when it ends. */
final class ManagedFakes {
  private record Managed(Object fake, Field field, Object instance) {}

  private final List<Managed> fakes = new ArrayList<>();

  static ManagedFakes of(ExtensionContext context, ExtensionContext.Namespace namespace) {
    ExtensionContext.Store store = context.getStore(namespace);
    String key = context.getUniqueId(); // the store looks into parents; each context its own key
    ManagedFakes existing = store.get(key, ManagedFakes.class);
    if (existing != null) {
      return existing;
    }
    ManagedFakes created = new ManagedFakes();
    store.put(key, created);
    return created;
  }

  synchronized void add(Object fake, Field field, Object instance) {
    fakes.add(new Managed(fake, field, instance));
  }

  /** Closes every fake, newest first; then throws the first failure, if any. */
  void closeAll() {
    List<Managed> all;
    synchronized (this) {
      all = new ArrayList<>(fakes);
      fakes.clear();
    }
    List<Throwable> failures = new ArrayList<>();
    for (int i = all.size() - 1; i >= 0; i--) {
      Managed m = all.get(i);
      try {
        if (m.fake() instanceof FakeSnomPhone s) {
          s.close();
        } else if (m.fake() instanceof FakeUnifyPhone u) {
          u.close();
        }
      } catch (AssertionError | RuntimeException e) {
        failures.add(e);
      }
      if (m.field() != null) {
        try {
          m.field().set(m.instance(), null);
        } catch (IllegalAccessException e) {
          failures.add(new IllegalStateException("cannot reset " + m.field(), e));
        }
      }
    }
    rethrow(failures);
  }

  /** Throws the first failure with the others suppressed, if any. */
  private static void rethrow(List<Throwable> failures) {
    if (failures.isEmpty()) {
      return;
    }
    Throwable first = failures.get(0);
    failures.subList(1, failures.size()).forEach(first::addSuppressed);
    if (first instanceof Error e) {
      throw e;
    }
    throw (RuntimeException) first;
  }
}
