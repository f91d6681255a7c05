package io.stockage.core.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.stockage.ItemId;
import io.stockage.Permission;
import io.stockage.Subject;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Recent decisions of {@link io.stockage.AccessControl#permissions}, by subject and item. This engine
 * drops them all whenever it changes anything access depends on (entries, members, teams of a
 * project, an item's place in the tree); changes made elsewhere (another node, the host's team
 * directory) show after at most the time to live. Operations never read this cache: they decide
 * in their own transaction.
 */
public final class AccessCache {
  private final Cache<Key, Set<Permission>> decisions;

  /** A cache keeping decisions for the given time; zero keeps none. */
  public AccessCache(Duration ttl) {
    this.decisions = Caffeine.newBuilder()
        .expireAfterWrite(ttl)
        .maximumSize(ttl.isZero() ? 0 : 200_000)
        .build();
  }

  /** The cached decision, or the one the loader makes now. */
  public Set<Permission> get(Subject subject, ItemId item, Supplier<Set<Permission>> loader) {
    return decisions.get(new Key(subject, item), k -> loader.get());
  }

  /** Forgets every decision: something access depends on changed. */
  public void invalidate() {
    decisions.invalidateAll();
  }

  private record Key(Subject subject, ItemId item) {}
}
