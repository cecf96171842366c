package dev.deskphone.testkit.assertj;

import dev.deskphone.testkit.RejectedRequest;
import java.util.List;
import java.util.stream.Collectors;

/** Rejected requests as a failure message lists them. */
final class Rejections {
  private Rejections() {}

  static String list(List<RejectedRequest> rejected) {
    return rejected.size()
        + ":\n"
        + rejected.stream().map(r -> "    " + r).collect(Collectors.joining("\n"));
  }
}
