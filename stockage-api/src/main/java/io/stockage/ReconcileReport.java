package io.stockage;

import java.util.List;

/**
 * What one reconciler pass removed.
 *
 * @param staging staging objects older than the grace period
 * @param unreferenced blobs no revision referenced any more
 * @param orphans content of uploads that never committed (from their intents), and of an earlier
 *     pass's removals that did not finish
 * @param uploads incomplete multipart uploads aborted
 * @param failedMounts the mounts whose pass failed (logged; tried again at the next pass)
 */
public record ReconcileReport(int staging, int unreferenced, int orphans, int uploads, List<String> failedMounts) {
  /** Copies. */
  public ReconcileReport {
    failedMounts = List.copyOf(failedMounts);
  }

  /** Everything removed. */
  public int total() {
    return staging + unreferenced + orphans + uploads;
  }
}
