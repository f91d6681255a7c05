package io.stockage.core.internal;

import io.stockage.ErrorKind;
import io.stockage.Mount;
import io.stockage.OnExistingName;
import io.stockage.RetentionPolicy;
import io.stockage.StockageException;
import io.stockage.UploadPolicy;
import io.stockage.spi.catalog.Catalog;
import io.stockage.spi.catalog.Directory;
import java.time.InstantSource;
import java.util.Map;

/**
 * What every part of the engine shares; immutable.
 *
 * @param catalog the metadata store
 * @param directory where teams come from
 * @param mounts the mounts by name
 * @param defaultMount the managed mount new projects use
 * @param policy the upload policy
 * @param clock the time source
 * @param sniffer type detection
 * @param onExistingName what an upload of a name that exists does
 * @param retention the retention policy of each mount that prunes revisions
 */
public record EngineContext(
    Catalog catalog, Directory directory, Map<String, Mount> mounts, String defaultMount,
    UploadPolicy policy, InstantSource clock, ContentSniffer sniffer, OnExistingName onExistingName,
    Map<String, RetentionPolicy> retention, AccessCache accessCache) {
  /** Copies the maps. */
  public EngineContext {
    mounts = Map.copyOf(mounts);
    retention = Map.copyOf(retention);
  }

  /** The named mount. */
  public Mount mount(String name) {
    Mount mount = mounts.get(name);
    if (mount == null) {
      throw StockageException.of(ErrorKind.NOT_FOUND, "no mount " + name);
    }
    return mount;
  }
}
