package io.stockage.core.internal;

import io.stockage.ByteRange;
import io.stockage.ItemId;
import io.stockage.Mount;
import io.stockage.Page;
import io.stockage.PageRequest;
import io.stockage.Revision;
import io.stockage.StockageException;
import io.stockage.VersioningMode;
import io.stockage.spi.Catalog;
import io.stockage.spi.ObjectContent;
import io.stockage.spi.RevisionRecord;
import io.stockage.spi.RevisionStore;
import java.util.Optional;

/**
 * Revisions as catalog rows: on an {@code EMULATED} mount each names the content-addressed blob
 * holding its bytes (identical content stored once); on a {@code NATIVE} mount, the backend's
 * version of the item's key.
 */
public final class CatalogRevisionStore implements RevisionStore {
  private final Catalog catalog;
  private final Mount mount;

  /** The store of a managed mount. */
  public CatalogRevisionStore(Catalog catalog, Mount mount) {
    this.catalog = catalog;
    this.mount = mount;
  }

  @Override
  public VersioningMode mode() {
    return mount.versioning();
  }

  @Override
  public Page<Revision> list(ItemId file, PageRequest page) {
    Page<RevisionRecord> records = catalog.read(session -> session.revisions().list(file, page));
    return new Page<>(records.items().stream().map(RevisionRecord::revision).toList(), page, records.hasNext());
  }

  @Override
  public Optional<Revision> find(ItemId file, int number) {
    return catalog.read(session -> session.revisions().find(file, number)).map(RevisionRecord::revision);
  }

  @Override
  public ObjectContent open(ItemId file, int number, Optional<ByteRange> range) {
    RevisionRecord record = catalog.read(session -> session.revisions().find(file, number))
        .orElseThrow(() -> StockageException.notFound("no revision " + number + " of item " + file));
    return Contents.open(mount, record, range);
  }
}
