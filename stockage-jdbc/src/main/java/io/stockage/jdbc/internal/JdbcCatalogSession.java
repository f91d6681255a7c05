package io.stockage.jdbc.internal;

import io.stockage.spi.catalog.AclStore;
import io.stockage.spi.catalog.AuditRecords;
import io.stockage.spi.catalog.BlobRecords;
import io.stockage.spi.catalog.CatalogSession;
import io.stockage.spi.catalog.ChangeJournal;
import io.stockage.spi.catalog.FieldRecords;
import io.stockage.spi.catalog.ItemRecords;
import io.stockage.spi.catalog.LiveEntryRecords;
import io.stockage.spi.catalog.MountRecords;
import io.stockage.spi.catalog.ProjectRecords;
import io.stockage.spi.catalog.RevisionRecords;
import io.stockage.spi.catalog.SearchRecords;
import io.stockage.spi.catalog.ShareLinkRecords;
import io.stockage.spi.catalog.LockRecords;
import io.stockage.spi.catalog.QuotaRecords;
import io.stockage.spi.catalog.UploadRecords;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The record stores of one transaction, all on its handle. Each store is seen through
 * {@link JdbcErrors#translating}, so the work only ever sees {@code StockageException}s.
 *
 * @param projects organizations, projects and members
 * @param items files and folders
 * @param revisions revisions of files
 * @param blobs stored content
 * @param changes the change feed's journal
 * @param audit the audit log
 * @param search the index job queue and the search documents
 * @param fields custom field definitions
 * @param mounts roles on live mounts
 * @param links share links
 * @param liveEntries what the watchers of live mounts last saw
 * @param uploads resumable upload sessions
 * @param quotas storage limits and usage
 * @param locks locks on files
 */
public record JdbcCatalogSession(
    ProjectRecords projects, ItemRecords items, RevisionRecords revisions, BlobRecords blobs,
    ChangeJournal changes, AuditRecords audit, SearchRecords search, FieldRecords fields, AclStore acl, MountRecords mounts, ShareLinkRecords links,
    LiveEntryRecords liveEntries, UploadRecords uploads, QuotaRecords quotas, LockRecords locks)
    implements CatalogSession {

  /** The session of a handle whose statements each commit, or of a read-only transaction. */
  public static JdbcCatalogSession on(Handle handle) {
    return on(handle, WriteBehind.immediate());
  }

  /** The session of the transaction the handle is in, its journal's writes held by {@code w}. */
  public static JdbcCatalogSession on(Handle handle, WriteBehind w) {
    Set<String> none = Set.of();
    return new JdbcCatalogSession(
        JdbcErrors.translating(ProjectRecords.class, new JdbcProjectRecords(handle), w, none),
        JdbcErrors.translating(ItemRecords.class, new JdbcItemRecords(handle), w, none),
        JdbcErrors.translating(RevisionRecords.class, new JdbcRevisionRecords(handle), w, none),
        JdbcErrors.translating(BlobRecords.class, new JdbcBlobRecords(handle), w, none),
        JdbcErrors.translating(ChangeJournal.class, new JdbcChangeJournal(handle, w), w, JdbcChangeJournal.WAITING),
        JdbcErrors.translating(AuditRecords.class, new JdbcAuditLog(handle), w, none),
        JdbcErrors.translating(SearchRecords.class, new JdbcSearchRecords(handle), w, none),
        JdbcErrors.translating(FieldRecords.class, new JdbcFieldRecords(handle), w, none),
        JdbcErrors.translating(AclStore.class, new JdbcAclStore(handle), w, none),
        JdbcErrors.translating(MountRecords.class, new JdbcMountRecords(handle), w, none),
        JdbcErrors.translating(ShareLinkRecords.class, new JdbcShareLinkRecords(handle), w, none),
        JdbcErrors.translating(LiveEntryRecords.class, new JdbcLiveEntryRecords(handle), w, none),
        JdbcErrors.translating(UploadRecords.class, new JdbcUploadRecords(handle), w, none),
        JdbcErrors.translating(QuotaRecords.class, new JdbcQuotaRecords(handle), w, none),
        JdbcErrors.translating(LockRecords.class, new JdbcLockRecords(handle), w, none));
  }
}
