package io.stockage;

import java.util.List;
import java.util.Optional;

/**
 * The facade a host application calls. Every call takes the {@link Subject} it acts for and is
 * authorized before anything else happens: an item or project of another organization, or one
 * the subject cannot see, is {@link ErrorKind#NOT_FOUND}; one it can see but not change is
 * {@link ErrorKind#PERMISSION_DENIED}. Every failure is a {@link StockageException}.
 *
 * <p>Implementations are thread-safe.
 */
public interface Stockage extends AutoCloseable {

  // ---- projects ----

  /**
   * Creates a project; the subject becomes its {@link ProjectRole#ADMIN}. Needs
   * {@link OrgPermission#CREATE_PROJECT}.
   *
   * @throws StockageException {@code ALREADY_EXISTS} when the slug is taken in the organization
   */
  Project createProject(Subject subject, NewProject project);

  /** The project with that slug in the subject's organization, if the subject can see it. */
  Project project(Subject subject, String slug);

  /** The projects of the subject's organization the subject can see, by slug. */
  Page<Project> projects(Subject subject, PageRequest page);

  /** Adds a member or changes their role. Needs {@link Permission#SHARE} on the project. */
  ProjectMember addMember(Subject subject, String project, UserId user, ProjectRole role);

  /** Removes a member; removing a non-member succeeds. Needs {@link Permission#SHARE}. */
  void removeMember(Subject subject, String project, UserId user);

  /** The members of a project. Needs {@link Permission#VIEW}. */
  List<ProjectMember> members(Subject subject, String project);

  /**
   * Gives a team a role on the project, or changes it: a team with {@link ProjectRole#ADMIN} owns
   * the project, the others are teams it is shared with. Needs {@link Permission#SHARE}.
   */
  ProjectTeam addTeam(Subject subject, String project, TeamId team, ProjectRole role);

  /** Removes a team's role on the project; removing a team without one succeeds. Needs {@link Permission#SHARE}. */
  void removeTeam(Subject subject, String project, TeamId team);

  /** The teams holding a role on the project. Needs {@link Permission#VIEW}. */
  List<ProjectTeam> teams(Subject subject, String project);

  /**
   * Makes a user a member of one of the organization's teams; returns whether they were not one
   * yet. Needs {@link OrgPermission#ADMIN}, and, when the team reaches vault items (through a
   * project role or an access entry), {@link Permission#SHARE} on each of them by other means
   * than organization permissions, which never reach a vault item.
   *
   * @throws StockageException {@code UNSUPPORTED} when the directory is the host's (not a
   *     {@link io.stockage.spi.ManagedDirectory}), {@code NOT_FOUND} for an unknown team
   */
  boolean addTeamMember(Subject subject, TeamId team, UserId user);

  /** Removes a user from a team; returns whether they were a member. Needs {@link OrgPermission#ADMIN}. */
  boolean removeTeamMember(Subject subject, TeamId team, UserId user);

  // ---- access to items ----

  /**
   * Grants a user or team a role on an item and, for a folder, on everything below it. Entries
   * only add access. Needs {@link Permission#SHARE} on the item, and a role at least as high as
   * the one granted.
   */
  io.stockage.AccessEntry grant(Subject subject, ItemId item, io.stockage.Principal principal,
      ProjectRole role);

  /**
   * Removes the principal's entry on the item (access it holds otherwise stays); removing a
   * missing entry succeeds. Needs {@link Permission#SHARE}.
   */
  void revoke(Subject subject, ItemId item, io.stockage.Principal principal);

  /** The entries set directly on the item. Needs {@link Permission#VIEW}. */
  List<io.stockage.AccessEntry> accessEntries(Subject subject, ItemId item);

  /**
   * The effective access of {@code whom} (a subject of the same organization, as the host knows
   * it) to the item, with every source that grants it. Needs {@link Permission#SHARE} on the item,
   * unless {@code whom} is the subject itself.
   */
  Access explain(Subject subject, ItemId item, Subject whom);

  /**
   * The subject's permissions on the item, for a UI to show or hide actions: empty when the item
   * does not exist or the subject cannot view it. Decisions are cached for a short time (see the
   * engine's builder); the operations themselves always decide afresh in their transaction.
   */
  java.util.Set<Permission> permissions(Subject subject, ItemId item);

  /**
   * The vault files of the subject's organization it may see (owned, in one of its projects, or
   * shared with it or one of its teams), newest first.
   */
  Page<Item> vaultFiles(Subject subject, PageRequest page);

  // ---- documents ----

  /**
   * Creates a folder. Needs {@link Permission#ADD} on the project or parent folder.
   *
   * @param parent the folder to create it in; empty for the project's root
   */
  Item createFolder(Subject subject, String project, Optional<ItemId> parent, String name);

  /**
   * Uploads a new file: the bytes are streamed once (never buffered whole), checked against the
   * upload policy while they stream, stored content-addressed, and become revision 1.
   * Needs {@link Permission#ADD}.
   *
   * @throws StockageException {@code POLICY_VIOLATION} (too large, type not allowed, content
   *     mismatch, invalid name), {@code ALREADY_EXISTS} when the folder has an item of that name
   */
  Item upload(Subject subject, Upload upload);

  /**
   * Writes the next revision of a file. Older revisions keep their content.
   * Needs {@link Permission#CHANGE}.
   *
   * @throws StockageException {@code CONFLICT} when an expected revision no longer holds
   */
  Item write(Subject subject, ItemId file, NewContent content);

  /**
   * Opens the current content of a file, whole or a range, for streaming. The download is
   * audited. Needs {@link Permission#VIEW}.
   *
   * @throws StockageException {@code RANGE_NOT_SATISFIABLE} when the range starts past the end
   */
  Content open(Subject subject, ItemId file, Optional<ByteRange> range);

  /**
   * A bearer URL that downloads the file's current revision until it expires; audited. Needs
   * {@link Permission#VIEW}. It is an HMAC-signed URL of the host
   * ({@code {publicBaseUrl}/api/v1/signed/{item}?...}) that anyone holding it may fetch without
   * credentials (a browser, pdf.js, a WOPI client), served through {@link #openSigned} (or
   * redirected to the provider by {@link #presignSigned}); each use is audited, and it stops
   * working once its issuer can no longer view the file.
   *
   * @throws StockageException {@code INVALID_ARGUMENT} when {@code ttl} is not between 1 second
   *     and 7 days
   */
  DownloadUrl downloadUrl(Subject subject, ItemId file, java.time.Duration ttl);

  /** The item's metadata. Needs {@link Permission#VIEW}; trashed items are found too. */
  Item stat(Subject subject, ItemId item);

  /**
   * The live items of a folder (or the project's root), folders first, then by name.
   * Needs {@link Permission#VIEW}.
   */
  Page<Item> list(Subject subject, String project, Optional<ItemId> folder, PageRequest page);

  /** Renames an item in place. Needs {@link Permission#CHANGE}. */
  Item rename(Subject subject, ItemId item, String newName);

  /**
   * Moves an item to another folder of the same project (empty for the root). Needs
   * {@link Permission#CHANGE} on the item and {@link Permission#ADD} on the target.
   */
  Item move(Subject subject, ItemId item, Optional<ItemId> folder);

  /**
   * Copies a file into a folder of the same project under a name; the copy's revision 1 shares
   * the original's stored content. Needs {@link Permission#VIEW} on the file and
   * {@link Permission#ADD} on the target.
   */
  Item copy(Subject subject, ItemId file, Optional<ItemId> folder, String name);

  /**
   * Changes an item's name, tags or custom fields in one step. Needs {@link Permission#CHANGE}.
   * A new name follows the rules of {@link #rename}. Tags are trimmed, lower-cased,
   * NFC-normalized and deduplicated. Custom fields replace the item's whole and are checked
   * against the organization's {@link #fields}; a {@code NUMBER} comes back as a {@code Long}
   * when it is integral, else as a {@code Double}.
   *
   * @throws StockageException {@code INVALID_ARGUMENT} when a custom field is unknown, of the
   *     wrong type, not one of its choices, or required and missing; {@code INVALID_ARGUMENT} for a
   *     tag that is blank, longer than 64 characters or holds a control character, or for more
   *     than 50 tags; for the name, what {@link #rename} throws
   */
  Item update(Subject subject, ItemId item, ItemPatch patch);

  /** Moves an item (and a folder's content) to the trash. Needs {@link Permission#DELETE}. */
  Item delete(Subject subject, ItemId item);

  /** Brings an item (and what was trashed with it) back from the trash. Needs {@link Permission#DELETE}. */
  Item restore(Subject subject, ItemId item);

  /**
   * Deletes a trashed item for good, with its revisions; content no other revision references is
   * removed from storage by the reconciler. Needs {@link Permission#DELETE}.
   *
   * @throws StockageException {@code CONFLICT} when the item is not in the trash
   */
  void purge(Subject subject, ItemId item);

  // ---- revisions ----

  /** The file's revisions, newest first. Needs {@link Permission#VIEW}. */
  Page<Revision> revisions(Subject subject, ItemId file, PageRequest page);

  /**
   * Opens revision {@code number} of a file, whole or a range; audited as a download. Needs
   * {@link Permission#VIEW}.
   */
  Content openRevision(Subject subject, ItemId file, int number, Optional<ByteRange> range);

  /**
   * Makes revision {@code number}'s content current again as a new revision that records it in
   * {@code restoredFrom}; history is never rewritten and no content is stored again. Needs
   * {@link Permission#CHANGE}.
   */
  Item restoreRevision(Subject subject, ItemId file, int number);

  /**
   * Deletes a revision other than the current one. Needs {@link ProjectRole#ADMIN} on the file
   * ({@link Permission#DELETE} and {@link Permission#SHARE}).
   *
   * @throws StockageException {@code CONFLICT} for the current revision
   */
  void deleteRevision(Subject subject, ItemId file, int number);

  /** Sets (or, with an empty comment, clears) a revision's comment. Needs {@link Permission#CHANGE}. */
  Revision commentRevision(Subject subject, ItemId file, int number, String comment);

  /** What changed from revision {@code from} to revision {@code to}. Needs {@link Permission#VIEW}. */
  Diff diff(Subject subject, ItemId file, int from, int to);

  // ---- custom fields ----

  /**
   * Defines (or redefines) a custom field of the subject's organization. Needs
   * {@link OrgPermission#ADMIN}.
   */
  FieldDefinition defineField(Subject subject, FieldDefinition field);

  /** The custom fields of the subject's organization, by name. */
  List<FieldDefinition> fields(Subject subject);

  // ---- live mounts (the backend is the source of truth; addressed by mount and path) ----

  /**
   * The entries of a directory of a live mount (empty path: its root), directories first, then by
   * name. Listings are cached for a short time: a change made directly on the backend shows up
   * once the cache entry expires. Needs {@link MountRole#VIEWER}; a mount the subject holds no role
   * on, or another organization's, is {@code NOT_FOUND}.
   */
  Page<Entry> entries(Subject subject, String mount, String path, PageRequest page);

  /**
   * Searches a live mount by name (case-insensitive, contained text) under a path, walking its
   * directories breadth first within limits: at most {@code maxResults} matches and a bounded
   * number of directories and entries visited; {@link EntrySearch#truncated()} says when the walk
   * stopped early. Needs {@link MountRole#VIEWER}.
   */
  EntrySearch searchEntries(Subject subject, String mount, String path, String text, int maxResults);

  /** One entry of a live mount. Needs {@link MountRole#VIEWER}. */
  Entry entry(Subject subject, String mount, String path);

  /** Opens a file of a live mount, whole or a range; audited. Needs {@link MountRole#VIEWER}. */
  EntryContent openEntry(Subject subject, String mount, String path, Optional<ByteRange> range);

  /**
   * Writes a file of a live mount (replacing it), streamed and checked against the upload policy;
   * the backend sees it whole or not at all. Needs {@link MountRole#EDITOR}.
   */
  Entry putEntry(Subject subject, String mount, String path, java.io.InputStream content,
      java.util.OptionalLong declaredSize);

  /** Renames or moves a file of a live mount. Needs {@link MountRole#EDITOR}. */
  Entry moveEntry(Subject subject, String mount, String from, String to);

  /** Deletes a file, or a directory with its content, of a live mount. Needs {@link MountRole#EDITOR}. */
  void deleteEntry(Subject subject, String mount, String path);

  /** Creates a directory (and its parents) on a live mount. Needs {@link MountRole#EDITOR}. */
  Entry makeDirectory(Subject subject, String mount, String path);

  /**
   * Grants a user or team of the mount's organization a role on a live mount. Needs
   * {@link MountRole#MANAGER} (organization admins of its organization are managers).
   */
  MountMember grantMount(Subject subject, String mount, io.stockage.Principal principal, MountRole role);

  /** Revokes a role on a live mount. Needs {@link MountRole#MANAGER}. */
  void revokeMount(Subject subject, String mount, io.stockage.Principal principal);

  // ---- mounts ----

  /**
   * The mounts the subject can use, with their capabilities: every managed mount, and the live
   * mounts of its organization it holds a role on.
   */
  List<MountInfo> mounts(Subject subject);

  // ---- audit log ----

  /**
   * The audit log of the subject's organization, newest first: who did what to which target, and
   * whether it was allowed, denied or failed. Needs {@link OrgPermission#ADMIN}.
   */
  Page<AuditEntry> audit(Subject subject, PageRequest page);

  /**
   * Checks the hash chain of the subject's organization's audit log: every row matches its hash,
   * follows the row before it, and the last row is the one the chain's head names. It detects a
   * row edited, deleted or inserted by hand in the database, but not a rewrite of the whole chain
   * (anchor the head's hash outside the database for that). Reads the log in pages, in one
   * snapshot. Needs {@link OrgPermission#ADMIN}.
   */
  AuditVerification verifyAuditChain(Subject subject);

  // ---- share links and signed URLs ----

  /**
   * Creates a link that lets anyone holding its token download the file's current content,
   * read-only, until {@code ttl} has passed or it is revoked; audited. The token is in the result
   * only: the catalog keeps its SHA-256 hash. Needs {@link Permission#SHARE} on the file.
   *
   * @throws StockageException {@code INVALID_ARGUMENT} when {@code ttl} is not between 1 second
   *     and 30 days, or the item is a folder
   */
  ShareLink createShareLink(Subject subject, ItemId file, java.time.Duration ttl);

  /**
   * Revokes a share link: its token stops working at once. Revoking a revoked link succeeds;
   * audited. Needs {@link Permission#SHARE} on its file.
   *
   * @throws StockageException {@code NOT_FOUND} for an unknown link or another organization's
   */
  void revokeShareLink(Subject subject, java.util.UUID link);

  /**
   * Opens the current content of the file a share link shares, whole or a range; the use is
   * audited in the file's organization, with the link's creator as actor.
   *
   * @throws StockageException {@code NOT_FOUND}, with one message for all, when the token is
   *     unknown, expired or revoked, or its file is trashed or purged
   */
  Content openShared(String token, Optional<ByteRange> range);

  /**
   * Opens the content a signed URL from {@link #downloadUrl} names, whole or a range: a bearer
   * URL, so no subject presents it. The use is audited with the issuing subject as actor. It
   * opens the revision it was issued for, until it expires, while its file is live and its issuer
   * may still view it (with the organization permissions it held when it asked).
   *
   * @throws StockageException {@code PERMISSION_DENIED}, with one message for all, when the URL
   *     is malformed, altered in any byte, expired, signed with a key no longer configured, its
   *     file trashed or gone, or its issuer can no longer view the file
   */
  Content openSigned(java.net.URI url, Optional<ByteRange> range);

  /**
   * Checks a signed URL as {@link #openSigned} does and, when the file's mount has
   * {@link Capability#PRESIGN_READ}, audits the use and returns the provider's presigned URL of
   * that revision, valid for one minute, to redirect the client to (the bytes then skip the
   * host); empty, with nothing audited, when the mount cannot presign: serve {@link #openSigned}.
   *
   * @throws StockageException {@code PERMISSION_DENIED} as {@link #openSigned}
   */
  Optional<java.net.URI> presignSigned(java.net.URI url);

  /** Releases the resources the instance holds (providers, pools it created). */
  @Override
  void close();
}
