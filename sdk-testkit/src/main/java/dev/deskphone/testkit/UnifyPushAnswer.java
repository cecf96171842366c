package dev.deskphone.testkit;

import dev.deskphone.testkit.internal.Action;
import dev.deskphone.testkit.internal.RecordedRequest;
import dev.deskphone.testkit.internal.UnifyPushForm;
import dev.deskphone.unify.SendUrlKey;
import java.util.Map;
import java.util.Optional;

/** How a fake Unify phone's web server answers a push, and which key a good one fires. */
final class UnifyPushAnswer {
  /** Fires a key in the background, with the push's context parameter (or nulls). */
  @FunctionalInterface
  interface Firing {
    void fire(SendUrlKey key, String contextKey, String contextValue);
  }

  private UnifyPushAnswer() {}

  static Action.Respond answer(RecordedRequest request, Map<String, SendUrlKey> keys, Firing then) {
    String path = request.target().split("\\?", 2)[0];
    if (!path.equals(FakeUnifyPhone.PUSH_PATH)) {
      return Action.respond(404, "not found\n");
    }
    if (!request.method().equals("POST")) {
      return Action.respond(405, "POST only\n").header("Allow", "POST");
    }
    UnifyPushForm form;
    try {
      form = UnifyPushForm.parse(request.bodyText());
    } catch (IllegalArgumentException e) {
      return Action.respond(400, "bad push form: " + e.getMessage() + "\n");
    }
    SendUrlKey key = keys.get(form.field("MidletName"));
    Optional<String> mismatch = key == null ? Optional.of("MidletName") : form.mismatch(key);
    if (mismatch.isPresent()) {
      return Action.respond(403, "push refused: " + mismatch.get() + " does not match a key\n");
    }
    then.fire(key, form.field("ServerContextKey"), form.field("ServerContextValue"));
    return Action.respond(200, "OK\n").header("Content-Type", "text/plain");
  }
}
