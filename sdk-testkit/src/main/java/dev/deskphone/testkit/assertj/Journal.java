package dev.deskphone.testkit.assertj;

import dev.deskphone.testkit.FakeKeyRequest;
import dev.deskphone.testkit.FakeRequest;
import java.util.List;
import java.util.stream.Collectors;

/** The journal excerpt a failure message ends with: the last requests a fake saw. */
final class Journal {
  static final int EXCERPT = 10;

  private Journal() {}

  static String ofRequests(List<FakeRequest> requests) {
    return excerpt(requests.stream().map(FakeRequest::toString).toList(), "requests");
  }

  static String ofUnify(List<FakeRequest> pushes, List<FakeKeyRequest> keyRequests) {
    return excerpt(pushes.stream().map(FakeRequest::toString).toList(), "pushes")
        + "\n"
        + excerpt(
            keyRequests.stream().map(FakeKeyRequest::toString).toList(), // passwords as ***
            "key requests");
  }

  private static String excerpt(List<String> lines, String what) {
    if (lines.isEmpty()) {
      return "Journal: no " + what + ".";
    }
    List<String> tail = lines.subList(Math.max(0, lines.size() - EXCERPT), lines.size());
    return "Journal (last "
        + tail.size()
        + " of "
        + lines.size()
        + " "
        + what
        + "):\n"
        + tail.stream().map(l -> "  " + l).collect(Collectors.joining("\n"));
  }
}
