package dev.deskphone.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DeadlinesTest {

  @Test
  void aDeadlineShorterThanThePaceFires() throws Exception {
    CountDownLatch fired = new CountDownLatch(1);
    Deadlines.schedule(Duration.ofMillis(20), fired::countDown);
    assertThat(fired.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aDeadlineLongerThanThePaceFiresWhileThePacerRuns() throws Exception {
    CountDownLatch fired = new CountDownLatch(1);
    Deadlines.schedule(Duration.ofMillis(1_200), fired::countDown);
    assertThat(fired.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void cancelledDeadlinesLeaveTheQueueAtOnceAndOnlyThePacerStays() {
    int before = Deadlines.queued();
    List<ScheduledFuture<?>> deadlines = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      deadlines.add(Deadlines.schedule(Duration.ofMinutes(10), () -> {}));
    }
    assertThat(Deadlines.queued()).isGreaterThanOrEqualTo(1_000);
    deadlines.forEach(d -> d.cancel(false));
    assertThat(Deadlines.queued()).isLessThanOrEqualTo(before + 1);
  }
}
