package dev.deskphone.testkit;

import dev.deskphone.snom.SnomEventType;
import dev.deskphone.testkit.FakeCall.Direction;
import dev.deskphone.testkit.FakeCall.State;
import dev.deskphone.testkit.internal.CallLine;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A snom fake's line on a {@link Switchboard}: its calls, and what the keys and commands it carried
 * out do to them, firing the phone's action URLs on each change. Every method holds the board's
 * lock (taken after the phone's own lock, never before it) and never blocks under it.
 */
final class SwitchboardLine implements CallLine {
  /** Calls a phone holds at once; one more gets busy. */
  static final int MAX_CALLS = 4;

  /** Ended calls a phone remembers; older ones are forgotten. */
  static final int ENDED_LIMIT = 1000;

  private final Switchboard board;
  private final String extension;
  private final String display;
  private final ActionUrls urls;
  private final List<Leg> legs = new ArrayList<>(); // guarded by board.lock
  private final ArrayDeque<FakeCall> ended = new ArrayDeque<>(); // guarded by board.lock
  private final StringBuilder collected = new StringBuilder(); // guarded by board.lock
  private boolean dnd; // guarded by board.lock
  private boolean online = true; // guarded by board.lock
  private volatile Runnable closeScreen = () -> {};
  private volatile java.util.function.Predicate<String> screenKeys = key -> false;

  /** One side of a call. */
  private static final class Leg {
    final SwitchboardLine owner;
    final String callId;
    final Direction direction;
    final String remote;
    final String remoteDisplay;
    final List<String> dtmfSent = new ArrayList<>();
    final List<String> dtmfReceived = new ArrayList<>();
    State state;
    Leg peer; // null: a far end
    ScheduledFuture<?> farEndAnswer;

    Leg(
        SwitchboardLine owner,
        String callId,
        Direction direction,
        String remote,
        String remoteDisplay,
        State state) {
      this.owner = owner;
      this.callId = callId;
      this.direction = direction;
      this.remote = remote;
      this.remoteDisplay = remoteDisplay;
      this.state = state;
    }

    FakeCall snapshot() {
      return new FakeCall(callId, direction, remote, remoteDisplay, state, dtmfSent, dtmfReceived);
    }
  }

  SwitchboardLine(Switchboard board, String extension, String display, ActionUrls urls) {
    this.board = board;
    this.extension = extension;
    this.display = display;
    this.urls = urls;
  }

  /** Keys the screen takes first (its soft keys): true when it took one. */
  void screenKeys(java.util.function.Predicate<String> keys) {
    this.screenKeys = keys;
  }

  /** What CANCEL does to the minibrowser: closes what it shows. */
  void closeScreen(Runnable close) {
    this.closeScreen = close;
  }

  String extension() {
    return extension;
  }

  ActionUrls urls() {
    return urls;
  }

  @Override
  public void pressed(String key) {
    if (screenKeys.test(key)) {
      return;
    }
    locked(
        () -> {
          switch (key) {
            case "OFFHOOK" -> {
              fire(SnomEventType.OFFHOOK, null, "");
              answerRinging();
            }
            case "SPEAKER", "HEADSET" -> answerRinging();
            case "ENTER" -> {
              if (!answerRinging() && collected.length() > 0) {
                String number = collected.toString();
                collected.setLength(0);
                place(number);
              }
            }
            case "ONHOOK" -> {
              collected.setLength(0);
              fire(SnomEventType.ONHOOK, null, "");
              find(State.CONNECTED, State.DIALING).ifPresent(this::hangUp);
            }
            case "CANCEL", "DISCONNECT" -> {
              closeScreen.run();
              collected.setLength(0);
              Optional<Leg> ringing = find(State.RINGING);
              if (ringing.isPresent()) {
                reject(ringing.get());
              } else {
                find(State.CONNECTED, State.DIALING).ifPresent(this::hangUp);
              }
            }
            case "F_HOLD" -> {
              Optional<Leg> talking = find(State.CONNECTED);
              if (talking.isPresent()) {
                hold(talking.get());
              } else {
                find(State.ON_HOLD).ifPresent(this::unhold);
              }
            }
            case "DND" -> {
              dnd = !dnd;
              fire(dnd ? SnomEventType.DND_ON : SnomEventType.DND_OFF, null, "");
            }
            default -> {
              if (key.length() == 1 && "0123456789*#".contains(key)) {
                Optional<Leg> talking = find(State.CONNECTED);
                if (talking.isPresent()) {
                  sendDtmf(talking.get(), key);
                } else {
                  collected.append(key);
                }
              }
            }
          }
        });
  }

  @Override
  public void dialed(String number) {
    locked(
        () -> {
          collected.setLength(0);
          place(number);
        });
  }

  @Override
  public void dtmf(String digits) {
    locked(() -> find(State.CONNECTED).ifPresent(c -> sendDtmf(c, digits)));
  }

  @Override
  public void releasedAll() {
    locked(
        () -> {
          collected.setLength(0);
          for (Leg leg : List.copyOf(legs)) {
            if (leg.state == State.RINGING) {
              reject(leg);
            } else {
              hangUp(leg);
            }
          }
        });
  }

  /** Off (a reboot, or the fake closed): its calls end without a word; the other sides see it. */
  @Override
  public void offline() {
    locked(
        () -> {
          online = false;
          collected.setLength(0);
          dnd = false;
          for (Leg leg : List.copyOf(legs)) {
            remove(leg);
            endPeer(leg);
          }
        });
  }

  @Override
  public void booted() {
    locked(
        () -> {
          online = true;
          fire(SnomEventType.SETUP, null, "");
        });
  }

  /** The board closes: every call is gone, nothing fired. Under the lock. */
  void dropAll() {
    for (Leg leg : List.copyOf(legs)) {
      remove(leg);
    }
  }

  /** Its calls now, oldest first. */
  List<FakeCall> calls() {
    board.lock.lock();
    try {
      return legs.stream().map(Leg::snapshot).toList();
    } finally {
      board.lock.unlock();
    }
  }

  /**
   * Waits up to {@code timeout} until {@code probe}, run under the board's lock whenever a call
   * changes, finds something.
   */
  <T> Optional<T> await(Supplier<Optional<T>> probe, Duration timeout) throws InterruptedException {
    long left = timeout.toNanos();
    board.lock.lock();
    try {
      while (true) {
        Optional<T> found = probe.get();
        if (found.isPresent() || left <= 0) {
          return found;
        }
        left = board.changed.awaitNanos(left);
      }
    } finally {
      board.lock.unlock();
    }
  }

  /** Its ended calls, oldest first (the last {@value #ENDED_LIMIT}). */
  List<FakeCall> endedCalls() {
    board.lock.lock();
    try {
      return List.copyOf(ended);
    } finally {
      board.lock.unlock();
    }
  }

  /** Its calls now; only under the lock, within {@link #await}. */
  List<FakeCall> callsLocked() {
    return legs.stream().map(Leg::snapshot).toList();
  }

  private void locked(Runnable change) {
    board.lock.lock();
    try {
      change.run();
      board.changed.signalAll();
    } finally {
      board.lock.unlock();
    }
  }

  private Optional<Leg> find(State... states) {
    for (int i = legs.size() - 1; i >= 0; i--) {
      Leg leg = legs.get(i);
      for (State s : states) {
        if (leg.state == s) {
          return Optional.of(leg);
        }
      }
    }
    return Optional.empty();
  }

  private boolean answerRinging() {
    Optional<Leg> ringing = legs.stream().filter(l -> l.state == State.RINGING).findFirst();
    ringing.ifPresent(this::answer);
    return ringing.isPresent();
  }

  private void place(String number) {
    if (!online) {
      return;
    }
    find(State.CONNECTED).ifPresent(this::hold);
    String callId = board.nextCallId();
    SwitchboardLine callee = board.line(number);
    Leg mine =
        new Leg(
            this,
            callId,
            Direction.OUTGOING,
            number,
            callee == null ? number : callee.display,
            State.DIALING);
    legs.add(mine);
    fire(SnomEventType.OUTGOING, mine, "");
    if (callee != null) {
      if (!callee.online || callee.dnd || callee == this || callee.legs.size() >= MAX_CALLS) {
        busy(mine);
        return;
      }
      Leg theirs = new Leg(callee, callId, Direction.INCOMING, extension, display, State.RINGING);
      mine.peer = theirs;
      theirs.peer = mine;
      callee.legs.add(theirs);
      callee.fire(SnomEventType.INCOMING, theirs, "");
      return;
    }
    if (board.isUnify(number)) {
      farEndAnswers(mine);
      return;
    }
    FarEnd far = board.farEnd(number);
    switch (far.kind()) {
      case BUSY -> busy(mine);
      case NO_ANSWER -> {}
      case ANSWERS -> {
        if (far.delay().isZero()) {
          farEndAnswers(mine);
        } else {
          try {
            mine.farEndAnswer =
                board
                    .shared()
                    .timer()
                    .schedule(
                        () -> locked(() -> farEndAnswers(mine)),
                        far.delay().toNanos(),
                        TimeUnit.NANOSECONDS);
          } catch (RejectedExecutionException e) {
            // the switchboard closed: the far end is gone
          }
        }
      }
    }
  }

  private void farEndAnswers(Leg mine) {
    if (legs.contains(mine) && mine.state == State.DIALING) {
      mine.state = State.CONNECTED;
      fire(SnomEventType.CONNECTED, mine, "");
    }
  }

  private void busy(Leg mine) {
    remove(mine);
    fire(SnomEventType.DISCONNECTED, mine, "busy");
  }

  private void answer(Leg ringing) {
    find(State.CONNECTED).ifPresent(this::hold);
    ringing.state = State.CONNECTED;
    fire(SnomEventType.CONNECTED, ringing, "");
    Leg caller = ringing.peer;
    if (caller != null) {
      caller.state = State.CONNECTED;
      caller.owner.fire(SnomEventType.CONNECTED, caller, "");
    }
  }

  private void hangUp(Leg leg) {
    remove(leg);
    fire(SnomEventType.DISCONNECTED, leg, "");
    endPeer(leg);
  }

  /** Rejects a ringing call: this phone fires nothing, the caller sees the call end. */
  private void reject(Leg ringing) {
    remove(ringing);
    endPeer(ringing);
  }

  private void endPeer(Leg leg) {
    Leg other = leg.peer;
    if (other != null && other.owner.legs.contains(other)) {
      boolean missed = other.state == State.RINGING;
      other.owner.remove(other);
      other.owner.fire(missed ? SnomEventType.MISSED : SnomEventType.DISCONNECTED, other, "");
    }
  }

  private void hold(Leg talking) {
    talking.state = State.ON_HOLD;
    fire(SnomEventType.HOLD, talking, "");
  }

  private void unhold(Leg held) {
    find(State.CONNECTED).ifPresent(this::hold);
    held.state = State.CONNECTED;
    fire(SnomEventType.UNHOLD, held, "");
  }

  private void sendDtmf(Leg talking, String digits) {
    talking.dtmfSent.add(digits);
    if (talking.peer != null) {
      talking.peer.dtmfReceived.add(digits);
    }
  }

  private void remove(Leg leg) {
    if (!legs.remove(leg)) {
      return;
    }
    leg.state = State.ENDED;
    if (ended.size() == ENDED_LIMIT) {
      ended.removeFirst();
    }
    ended.add(leg.snapshot());
    if (leg.farEndAnswer != null) {
      leg.farEndAnswer.cancel(false);
    }
  }

  private void fire(SnomEventType event, Leg leg, String cancelReason) {
    Map<String, String> vars = new HashMap<>();
    vars.put("local", extension);
    vars.put("display_local", display);
    vars.put("active_user", extension);
    vars.put("active_host", "127.0.0.1");
    vars.put("phone_ip", "127.0.0.1");
    vars.put("nr_ongoing_calls", Integer.toString(legs.size()));
    if (leg != null) {
      vars.put("call-id", leg.callId);
      vars.put("remote", leg.remote);
      vars.put("display_remote", leg.remoteDisplay);
    }
    vars.put("cancel_reason", cancelReason);
    urls.fire(event, vars);
  }
}
