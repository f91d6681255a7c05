package io.stockage.spi;

import io.stockage.OrgId;
import java.util.function.Consumer;

/**
 * Delivers the change feed to subscribers. Changes are durable rows written with the change
 * (see {@link JournalRecords#change}); the bus is woken after commit ({@code NOTIFY} on
 * PostgreSQL), reads rows past each subscriber's cursor and delivers them in order, so a
 * subscriber that resumes from its last sequence number loses nothing.
 */
public interface EventBus extends AutoCloseable {

  /** Wakes the bus after a commit that appended changes up to {@code seq}. */
  void committed(OrgId org, long seq);

  /**
   * Delivers the organization's changes with a sequence number above {@code afterSeq}, then new
   * ones as they commit, until the subscription is closed.
   *
   * @throws io.stockage.StockageException {@code CONFLICT} ("resync required") when
   *     {@code afterSeq} is older than the feed's retention
   */
  AutoCloseable subscribe(OrgId org, long afterSeq, Consumer<ChangeEvent> listener);

  @Override
  void close();

  /**
   * A committed change with its sequence number.
   *
   * @param seq position in the feed, increasing
   * @param change the change
   */
  record ChangeEvent(long seq, ChangeRecord change) {
    /** Validates. */
    public ChangeEvent {
      java.util.Objects.requireNonNull(change, "change");
    }
  }
}
