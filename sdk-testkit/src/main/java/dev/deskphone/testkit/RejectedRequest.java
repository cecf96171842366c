package dev.deskphone.testkit;

import java.util.Objects;

/**
 * A request a fake phone did not carry out, and why: for a {@link FakeSnomPhone} an unknown or
 * malformed command, a key, coordinate or feature its model lacks, failed authentication; for a
 * {@link FakeUnifyPhone} a push it refused. Immutable.
 *
 * @param request the request as read
 * @param status the status the fake answered ({@code 200} for a snom command the phone ignores)
 * @param reason what was wrong, for a test's failure message
 */
public record RejectedRequest(FakeRequest request, int status, String reason) {

  /**
   * Checks the parts.
   *
   * @param request the request as read
   * @param status the status the fake answered ({@code 200} for a snom command the phone ignores)
   * @param reason what was wrong, for a test's failure message
   */
  public RejectedRequest {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String toString() {
    return request + " -> " + status + ": " + reason;
  }
}
