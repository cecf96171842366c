package dev.deskphone.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchResultTest {

  @Test
  void batchResultSortsOutcomesByKindKeepingInputOrder() {
    BatchOutcome.Succeeded<String, Integer> first = new BatchOutcome.Succeeded<>("a", 1);
    BatchOutcome.Failed<String, Integer> failed =
        new BatchOutcome.Failed<>("b", new PhoneConnectException("http://b:80", "op", "no", null));
    BatchOutcome.NotStarted<String, Integer> skipped =
        new BatchOutcome.NotStarted<>("c", "the batch was cancelled");
    BatchOutcome.Succeeded<String, Integer> second = new BatchOutcome.Succeeded<>("d", null);
    List<BatchOutcome<String, Integer>> outcomes =
        new ArrayList<>(List.of(first, failed, skipped, second));

    BatchResult<String, Integer> result = new BatchResult<>(outcomes);
    outcomes.clear();

    assertThat(result.outcomes()).containsExactly(first, failed, skipped, second);
    assertThat(result.allSucceeded()).isFalse();
    assertThat(result.succeeded()).containsExactly(first, second);
    assertThat(result.failed()).containsExactly(failed);
    assertThat(result.notStarted()).containsExactly(skipped);
    assertThat(result).hasToString("BatchResult[4 phones: 2 succeeded, 1 failed, 1 not started]");
    assertThat(new BatchResult<>(List.of(first, second)).allSucceeded()).isTrue();
    assertThat(List.of(first.isSuccess(), failed.isSuccess(), skipped.isSuccess()))
        .containsExactly(true, false, false);
  }

  @Test
  void outcomesRejectMissingParts() {
    assertThatThrownBy(() -> new BatchOutcome.Succeeded<String, String>(null, "v"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("phone");
    assertThatThrownBy(() -> new BatchOutcome.Failed<String, String>("p", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("error");
    assertThatThrownBy(() -> new BatchOutcome.NotStarted<String, String>("p", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("reason");
  }

  @Test
  void emptyResultHasAllSucceeded() {
    BatchResult<String, String> empty = new BatchResult<>(List.of());

    assertThat(empty.allSucceeded()).isTrue();
    assertThat(empty).hasToString("BatchResult[0 phones: 0 succeeded, 0 failed, 0 not started]");
  }
}
