package io.stockage.jdbc.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * Writes whose results the work never reads (the journal's change, index job and audit rows, which
 * end nearly every change) wait on their transaction until its next call on a store, which sends
 * them first, or its commit, which the last of them goes with: {@code "…; COMMIT"} is one request
 * (the driver sends both statements with one Sync, and then has no transaction left to commit), a
 * round trip less for every change. Statements keep the order the work gave them: every store call
 * but a waiting write's own sends what waits first ({@link JdbcErrors#translating}). A failure of a
 * waiting write fails the call that sent it, or the commit: either way the transaction rolls back.
 * Outside a transaction (autocommit), a write runs at once.
 */
public final class WriteBehind {
  private final boolean inTransaction;
  private final Deque<Consumer<String>> waiting = new ArrayDeque<>();

  private WriteBehind(boolean inTransaction) {
    this.inTransaction = inTransaction;
  }

  /** Writes held until the transaction's next statement or its commit ({@link #commit}). */
  public static WriteBehind inTransaction() {
    return new WriteBehind(true);
  }

  /** Writes run at once: each statement commits on its own, or the transaction only reads. */
  public static WriteBehind immediate() {
    return new WriteBehind(false);
  }

  /**
   * Runs the write now or later; {@code write} executes the statement with the SQL it is given
   * appended to its own ({@code ""}, or {@code "; COMMIT"}).
   */
  void write(Consumer<String> write) {
    if (inTransaction) {
      waiting.add(write);
    } else {
      write.accept("");
    }
  }

  /** Sends the writes waiting, each on its own. */
  void flush() {
    while (!waiting.isEmpty()) {
      waiting.poll().accept("");
    }
  }

  /**
   * Sends the writes waiting, the last with the transaction's {@code COMMIT}; when none waits the
   * transaction's own commit sends it.
   */
  public void commit() {
    while (waiting.size() > 1) {
      waiting.poll().accept("");
    }
    if (!waiting.isEmpty()) {
      waiting.poll().accept("; COMMIT");
    }
  }
}
