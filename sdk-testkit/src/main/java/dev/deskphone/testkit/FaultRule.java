package dev.deskphone.testkit;

import java.util.Optional;
import java.util.function.Predicate;

/** One rule of {@link Faults}: which requests it strikes, with which fault. */
interface FaultRule {

  /**
   * Where a fault could strike: before reading a request ({@code request} null) or before answering
   * it.
   */
  record Slot(int sequence, int connection, int index, FakeRequest request) {
    boolean beforeReading() {
      return request == null;
    }
  }

  /** The fault for {@code slot}, if this rule strikes it. */
  Optional<Fault> pick(Slot slot);

  /** Whether the rule is used up once it struck. */
  boolean once();

  /** A rule striking the slots {@code where} matches, in {@code fault}'s phase. */
  static FaultRule of(Fault fault, boolean once, Predicate<Slot> where) {
    return new FaultRule() {
      @Override
      public Optional<Fault> pick(Slot slot) {
        return slot.beforeReading() == fault.beforeReading() && where.test(slot)
            ? Optional.of(fault)
            : Optional.empty();
      }

      @Override
      public boolean once() {
        return once;
      }
    };
  }
}
