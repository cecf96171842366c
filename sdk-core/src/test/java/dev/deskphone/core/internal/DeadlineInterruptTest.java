package dev.deskphone.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeadlineInterruptTest {

  @Test
  void aDeadlineThatFiresFirstInterruptsAndDisarmingClearsIt() {
    DeadlineInterrupt interrupt = new DeadlineInterrupt();
    assertThat(interrupt.fire()).isTrue();
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
    assertThat(interrupt.disarm()).isTrue();
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @Test
  void onceDisarmedItNeverInterrupts() {
    DeadlineInterrupt interrupt = new DeadlineInterrupt();
    assertThat(interrupt.disarm()).isFalse();
    assertThat(interrupt.fire()).isFalse();
    assertThat(Thread.interrupted()).isFalse();
  }

  @Test
  void anInterruptFromElsewhereIsLeftAlone() {
    DeadlineInterrupt interrupt = new DeadlineInterrupt();
    Thread.currentThread().interrupt();
    assertThat(interrupt.disarm()).isFalse();
    assertThat(Thread.interrupted()).isTrue();
  }
}
