package io.stockage.jdbc.internal;

import io.stockage.spi.AclStore;
import io.stockage.spi.BlobRecords;
import io.stockage.spi.CatalogSession;
import io.stockage.spi.FieldRecords;
import io.stockage.spi.ItemRecords;
import io.stockage.spi.JournalRecords;
import io.stockage.spi.MountRecords;
import io.stockage.spi.ProjectRecords;
import io.stockage.spi.RevisionRecords;
import io.stockage.spi.ShareLinkRecords;
import org.jdbi.v3.core.Handle;

/**
 * The record stores of one transaction, all on its handle. Each store is seen through
 * {@link JdbcErrors#translating}, so the work only ever sees {@code StockageException}s.
 *
 * @param projects organizations, projects and members
 * @param items files and folders
 * @param revisions revisions of files
 * @param blobs stored content
 * @param journal change feed and audit log
 * @param fields custom field definitions
 * @param mounts roles on live mounts
 * @param links share links
 */
public record JdbcCatalogSession(
    ProjectRecords projects, ItemRecords items, RevisionRecords revisions, BlobRecords blobs,
    JournalRecords journal, FieldRecords fields, AclStore acl, MountRecords mounts, ShareLinkRecords links)
    implements CatalogSession {

  /** The session of the transaction the handle is in. */
  public static JdbcCatalogSession on(Handle handle) {
    return new JdbcCatalogSession(
        JdbcErrors.translating(ProjectRecords.class, new JdbcProjectRecords(handle)),
        JdbcErrors.translating(ItemRecords.class, new JdbcItemRecords(handle)),
        JdbcErrors.translating(RevisionRecords.class, new JdbcRevisionRecords(handle)),
        JdbcErrors.translating(BlobRecords.class, new JdbcBlobRecords(handle)),
        JdbcErrors.translating(JournalRecords.class, new JdbcJournalRecords(handle)),
        JdbcErrors.translating(FieldRecords.class, new JdbcFieldRecords(handle)),
        JdbcErrors.translating(AclStore.class, new JdbcAclStore(handle)),
        JdbcErrors.translating(MountRecords.class, new JdbcMountRecords(handle)),
        JdbcErrors.translating(ShareLinkRecords.class, new JdbcShareLinkRecords(handle)));
  }
}
