package dev.deskphone.testkit.internal;

/**
 * Changes a {@link ScriptedHttpServer}'s answers on their way to the wire: the fault script. Called
 * on connection threads; implementations must be thread-safe.
 */
public interface Interceptor {
  /** Changes nothing. */
  Interceptor NONE =
      new Interceptor() {
        @Override
        public Action beforeRead(int sequence, int connection, int index) {
          return null;
        }

        @Override
        public Action answer(int sequence, RecordedRequest request, Action planned) {
          return planned;
        }
      };

  /**
   * What to do before reading the request that would be number {@code sequence}, {@code index} on
   * connection {@code connection}; null to read it.
   */
  Action beforeRead(int sequence, int connection, int index);

  /**
   * The action to carry out instead of {@code planned}, the script's answer to request {@code
   * sequence}.
   */
  Action answer(int sequence, RecordedRequest request, Action planned);
}
