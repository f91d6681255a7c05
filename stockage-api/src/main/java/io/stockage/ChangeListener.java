package io.stockage;

/**
 * Receives the changes of a {@link Changes#subscribe subscription}, one at a time and in cursor
 * order, on a thread of the engine's (never the thread that made the change).
 */
public interface ChangeListener {

  /** A change the subject may see at delivery time. */
  void onChange(Change change);

  /**
   * The subscription ended: closed, or dropped by the engine. Resume with a new subscription from
   * {@code resumeFrom}: nothing is lost and nothing delivered is delivered again. When the
   * listener was dropped for being slow, this may be called while {@link #onChange} still runs.
   */
  default void onClosed(Subscription.CloseReason reason, ChangeCursor resumeFrom) {}
}
