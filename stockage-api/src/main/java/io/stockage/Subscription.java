package io.stockage;

/** A live subscription to the change feed ({@link Changes#subscribe}); close it to end it. */
public interface Subscription extends AutoCloseable {

  /** Why a subscription ended. */
  enum CloseReason {
    /** Its owner closed it. */
    CLOSED,
    /** Its listener fell too far behind or held a delivery too long. */
    SLOW_LISTENER,
    /** Its listener threw. */
    LISTENER_FAILED,
    /** The feed's retention passed its cursor: the client must resync. */
    RESYNC_REQUIRED,
    /** The engine shut down. */
    SHUTDOWN
  }

  /** The position after the last change delivered. */
  ChangeCursor cursor();

  /** Ends the subscription; the listener's {@link ChangeListener#onClosed} is told. */
  @Override
  void close();
}
