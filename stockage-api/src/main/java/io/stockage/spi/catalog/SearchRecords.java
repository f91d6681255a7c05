package io.stockage.spi.catalog;

import io.stockage.ItemId;
import io.stockage.OrgId;
import io.stockage.PageRequest;
import io.stockage.SearchResults;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The index job queue and the search documents, in the catalog transaction. A change's index job
 * is queued with its change row ({@link ChangeJournal#appendWithIndexJob}).
 */
public interface SearchRecords {

  /**
   * Leases up to {@code limit} due jobs to a node until {@code until}: jobs not failed for good,
   * due, and not leased (or whose lease ran out); rows other transactions hold are skipped.
   */
  List<IndexJob> claim(String node, Instant now, Instant until, int limit);

  /**
   * Ends a job the node still holds and writes the document (or, with none, removes the item's);
   * returns false, writing nothing, when the node's lease was lost to another.
   */
  boolean complete(IndexJob job, String node, Optional<SearchDocument> document, Instant now);

  /** Ends a job the node holds without touching the document (a newer job will write it). */
  boolean drop(IndexJob job, String node);

  /**
   * Records a failed try: the job is due again at {@code retryAt}, or, with none, kept as failed
   * for good with the error.
   */
  void fail(IndexJob job, String node, String error, Optional<Instant> retryAt);

  /** The item's document, if it has one. */
  Optional<SearchDocument> document(ItemId item);

  /**
   * Queues a job for the first {@code limit} live items of the organization with ids above
   * {@code after} (in the catalog's id order); returns their ids in that order, so that the pass
   * resumes after the last.
   */
  List<ItemId> enqueueAll(OrgId org, Optional<ItemId> after, int limit, Instant now);

  /** The jobs not done yet (due, leased or failed for good) of an organization. */
  long pending(OrgId org);

  /** Runs a search; the next page's cursor as {@link PageCursor} writes it. */
  SearchResults search(SearchSpec spec, PageRequest page);
}
