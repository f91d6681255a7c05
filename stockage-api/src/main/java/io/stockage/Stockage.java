package io.stockage;

/**
 * The root a host application holds: one view per service. Every call of a view takes the
 * {@link Subject} it acts for as its first argument and is authorized before anything else
 * happens: an item or project of another organization, or one the subject cannot see, is
 * {@link ErrorKind#NOT_FOUND}; one it can see but not change is
 * {@link ErrorKind#PERMISSION_DENIED}. Every failure is a {@link StockageException}.
 *
 * <p>Implementations and their views are thread-safe; a view holds no subject, so one instance
 * serves every request.
 */
public interface Stockage extends AutoCloseable {

  /** Projects, members, teams with a role on a project. */
  Projects projects();

  /** Members of the organization's teams (Stockage's own directory). */
  Teams teams();

  /** Files and folders: upload, read, organize, trash. */
  Files files();

  /** Revisions of files: history, restore, diff. */
  Revisions revisions();

  /** Access entries and effective permissions. */
  AccessControl access();

  /** Share links and signed download URLs. */
  Sharing sharing();

  /** Live mounts, addressed by path. */
  LiveMounts live();

  /** Custom field definitions. */
  Fields fields();

  /** The audit log. */
  AuditLog audit();

  /** The mounts and their capabilities. */
  Mounts mounts();

  /** Full-text search of managed files and folders. */
  Search search();

  /** Resumable uploads: sessions that take content in chunks. */
  Uploads uploads();

  /** Storage quotas per organization and per project, and what is used of them. */
  Quotas quotas();

  /** Locks on files for online editors. */
  Locks locks();

  /** The change feed: changes since a cursor, and live push. */
  Changes changes();

  /** Retention and reconciler passes, for the host's scheduler. */
  Maintenance maintenance();

  /** Releases the resources the instance holds (providers, pools it created). */
  @Override
  void close();
}
