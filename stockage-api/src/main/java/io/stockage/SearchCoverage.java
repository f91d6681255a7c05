package io.stockage;

import java.util.Objects;

/**
 * What search covers on one mount ({@link Search#coverage}).
 *
 * @param mount the mount's name
 * @param scope what of its files a query reaches
 */
public record SearchCoverage(String mount, Scope scope) {
  /** Validates. */
  public SearchCoverage {
    Objects.requireNonNull(mount, "mount");
    Objects.requireNonNull(scope, "scope");
  }

  /** What of a mount's files a query reaches. */
  public enum Scope {
    /**
     * A managed mount's files in the full-text index: name, tags, custom fields, keywords,
     * extracted properties and body text, through {@link Search#search}.
     */
    CONTENT,
    /**
     * A live mount's files by name only, walked on the backend at query time through
     * {@link LiveMounts#search} (the backend is their source of truth; no index is kept).
     */
    NAMES
  }
}
