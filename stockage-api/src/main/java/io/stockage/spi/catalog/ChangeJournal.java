package io.stockage.spi.catalog;

import io.stockage.ChangeCursor;
import io.stockage.ChangePage;
import java.time.Duration;
import java.time.Instant;

/**
 * The change feed's journal: one row per change, written in the transaction of the change itself
 * (a transactional outbox), whatever made it; the engine writes it from one place.
 *
 * <p>Positions ({@link ChangeCursor}) follow commit order: a reader is given only changes every
 * earlier writer has finished with (on PostgreSQL, rows of transactions below the snapshot's
 * {@code xmin}), so one that commits late can never fall behind a cursor already handed out.
 * Committing wakes the catalog's {@link ChangeSignals} listeners on every node.
 */
public interface ChangeJournal {

  /** Appends a change row. */
  void append(ChangeRecord change);

  /**
   * Appends the change row of an item whose search document the change may alter, and queues the
   * item's index job ({@link SearchRecords}: due at the change's time, the change's kind as its
   * reason, for its revision) — one write where the catalog can make it one.
   */
  void appendWithIndexJob(ChangeRecord change);

  /**
   * Appends the change row (with its index job when {@code indexJob}, as
   * {@link #appendWithIndexJob}) and the operation's audit row ({@link AuditRecords#append}): what
   * every change writes, one write where the catalog can make it one.
   */
  void appendWithAudit(ChangeRecord change, boolean indexJob, AuditRecord audit);

  /**
   * The changes after the cursor the reader may see, at most {@code limit}, in cursor order, and
   * the cursor past everything the page looked at: the last row returned when the page is full,
   * else the readable horizon (so a reader that sees little still moves on).
   */
  ChangePage read(FeedSpec reader, ChangeCursor after, int limit);

  /** The readable horizon: a cursor before every change not yet readable, after every readable one. */
  ChangeCursor horizon();

  /** The position of the last change readable now, of any organization ({@link ChangeCursor#START} when none). */
  ChangeCursor head();

  /** The most recent position retention removed: cursors before it cannot be served. */
  ChangeCursor floor();

  /** Removes the readable changes made before the instant, raises the floor; returns how many. */
  long prune(Instant before);

  /** How long the oldest change written but not yet readable has waited. */
  Duration lag(Instant now);
}
