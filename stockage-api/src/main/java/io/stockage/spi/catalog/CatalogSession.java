package io.stockage.spi.catalog;

/** The record stores of one catalog transaction; valid only inside it. */
public interface CatalogSession {

  /** Organizations, projects and their members. */
  ProjectRecords projects();

  /** Files and folders. */
  ItemRecords items();

  /** Revisions of files. */
  RevisionRecords revisions();

  /** Stored content and its reference counts. */
  BlobRecords blobs();

  /** The change feed's journal. */
  ChangeJournal changes();

  /** The audit log. */
  AuditRecords audit();

  /** The index job queue and the search documents. */
  SearchRecords search();

  /** Custom field definitions. */
  FieldRecords fields();

  /** Access entries on items of managed mounts. */
  AclStore acl();

  /** Roles on live mounts. */
  MountRecords mounts();

  /** Share links. */
  ShareLinkRecords links();

  /** What the watchers of live mounts last saw. */
  LiveEntryRecords liveEntries();

  /** Resumable upload sessions. */
  UploadRecords uploads();

  /** Storage limits and usage. */
  QuotaRecords quotas();

  /** Locks on files. */
  LockRecords locks();
}
