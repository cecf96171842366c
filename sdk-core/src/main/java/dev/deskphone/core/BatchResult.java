package dev.deskphone.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Every phone's outcome of one {@link PhoneBatch} run, in the order the phones were given.
 *
 * @param outcomes one outcome per phone, in input order
 * @param <P> the phone type
 * @param <R> the operation's result type
 */
public record BatchResult<P, R>(List<BatchOutcome<P, R>> outcomes) {

  /**
   * Copies the list.
   *
   * @param outcomes one outcome per phone, in input order
   */
  public BatchResult {
    outcomes = List.copyOf(outcomes);
  }

  /** {@return whether every phone succeeded} */
  public boolean allSucceeded() {
    return outcomes.stream().allMatch(BatchOutcome::isSuccess);
  }

  /** {@return the phones' successes, in input order} */
  public List<BatchOutcome.Succeeded<P, R>> succeeded() {
    return only(BatchOutcome.Succeeded.class);
  }

  /** {@return the phones' failures, in input order} */
  public List<BatchOutcome.Failed<P, R>> failed() {
    return only(BatchOutcome.Failed.class);
  }

  /** {@return the phones never started on, in input order} */
  public List<BatchOutcome.NotStarted<P, R>> notStarted() {
    return only(BatchOutcome.NotStarted.class);
  }

  @SuppressWarnings("unchecked")
  private <T> List<T> only(Class<?> kind) {
    return (List<T>)
        outcomes.stream().filter(kind::isInstance).collect(Collectors.toUnmodifiableList());
  }

  @Override
  public String toString() {
    return "BatchResult["
        + outcomes.size()
        + " phones: "
        + succeeded().size()
        + " succeeded, "
        + failed().size()
        + " failed, "
        + notStarted().size()
        + " not started]";
  }
}
