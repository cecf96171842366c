package dev.deskphone.snom;

/**
 * Receives the verified events of a {@link SnomEventEndpoint}.
 *
 * <p>Called on one of the endpoint's dispatch threads, never on the thread that answered the phone:
 * the phone has its answer before any listener runs. The events of one phone come one at a time, in
 * the order they arrived; events of different phones may come at the same time on different
 * threads, so an implementation that keeps state across phones must be thread-safe. A listener that
 * throws is logged (at most one line per interval) and the other listeners still get the event; one
 * that blocks holds up later events of the same phone and one dispatch thread, not the other phones
 * (as long as fewer phones block than there are dispatch threads), until the endpoint's backlog is
 * full and new events are dropped and counted.
 */
@FunctionalInterface
public interface SnomEventListener {

  /**
   * Takes one event.
   *
   * @param event the event, never null
   */
  void onEvent(SnomEvent event);
}
