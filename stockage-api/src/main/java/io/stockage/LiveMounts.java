package io.stockage;

/**
 * Live mounts ({@link Stockage#live()}): the backend (an SMB share, a bucket) is the source of
 * truth, addressed by mount name and path; roles are per mount. A mount the subject holds no role
 * on, or another organization's, is {@link ErrorKind#NOT_FOUND}.
 */
public interface LiveMounts {

  /**
   * The entries of a directory (empty path: the mount's root), directories first, then by name.
   * Listings are cached for a short time: a change made directly on the backend shows up once the
   * cache entry expires. Needs {@link MountRole#VIEWER}.
   */
  Page<Entry> list(Subject subject, String mount, String path, PageRequest page);

  /**
   * Searches a live mount by name under a path, walking its directories breadth first within
   * limits: at most {@link EntryQuery#maxResults()} matches and a bounded number of directories
   * and entries visited; {@link EntrySearch#truncated()} says when the walk stopped early. Needs
   * {@link MountRole#VIEWER}.
   */
  EntrySearch search(Subject subject, EntryQuery query);

  /** One entry. Needs {@link MountRole#VIEWER}. */
  Entry entry(Subject subject, String mount, String path);

  /** Opens a file; audited. Needs {@link MountRole#VIEWER}. */
  EntryContent open(Subject subject, String mount, String path);

  /** Opens a range of a file; audited. Needs {@link MountRole#VIEWER}. */
  EntryContent open(Subject subject, String mount, String path, ByteRange range);

  /**
   * Writes a file (replacing it), streamed and checked against the upload policy; the backend
   * sees it whole or not at all. Needs {@link MountRole#EDITOR}.
   */
  Entry put(Subject subject, EntryUpload upload);

  /** Renames or moves a file. Needs {@link MountRole#EDITOR}. */
  Entry move(Subject subject, String mount, String from, String to);

  /** Deletes a file, or a directory with its content. Needs {@link MountRole#EDITOR}. */
  void delete(Subject subject, String mount, String path);

  /** Creates a directory (and its parents). Needs {@link MountRole#EDITOR}. */
  Entry makeDirectory(Subject subject, String mount, String path);

  /** The subject's role on the live mount ({@code NOT_FOUND} when it has none, as for any other call). */
  MountRole role(Subject subject, String mount);

  /**
   * Grants a user or team of the mount's organization a role on it. Needs
   * {@link MountRole#MANAGER} (organization admins of its organization are managers).
   */
  MountMember grant(Subject subject, String mount, Principal principal, MountRole role);

  /** Revokes a role on a live mount. Needs {@link MountRole#MANAGER}. */
  void revoke(Subject subject, String mount, Principal principal);
}
