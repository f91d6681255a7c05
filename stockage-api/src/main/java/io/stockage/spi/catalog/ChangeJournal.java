package io.stockage.spi.catalog;

/**
 * The change feed's journal: one row per change, written in the transaction of the change itself
 * (a transactional outbox), whatever made it. The engine writes it from one place.
 */
public interface ChangeJournal {

  /** Appends a change row; returns its sequence number. */
  long append(ChangeRecord change);
}
