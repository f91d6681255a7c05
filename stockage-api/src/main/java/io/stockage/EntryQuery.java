package io.stockage;

import java.util.Objects;

/**
 * A name search of a live mount: entries under {@code path} whose name contains {@code text}
 * (case-insensitive).
 *
 * @param mount the live mount's name
 * @param path the directory to search under; empty for the mount's root
 * @param text the text names must contain
 * @param maxResults the most matches to return, 1 to 1000
 */
public record EntryQuery(String mount, String path, String text, int maxResults) {
  /** The default number of matches. */
  public static final int DEFAULT_RESULTS = 100;

  /** Validates. */
  public EntryQuery {
    Objects.requireNonNull(mount, "mount");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(text, "text");
  }

  /** A search with {@link #DEFAULT_RESULTS} results at most. */
  public static EntryQuery of(String mount, String path, String text) {
    return new EntryQuery(mount, path, text, DEFAULT_RESULTS);
  }

  /** This search, returning at most {@code n} matches. */
  public EntryQuery limit(int n) {
    return new EntryQuery(mount, path, text, n);
  }
}
