package io.stockage.core;

import io.stockage.Access;
import io.stockage.AccessEntry;
import io.stockage.ByteRange;
import io.stockage.Content;
import io.stockage.Diff;
import io.stockage.FieldDefinition;
import io.stockage.Item;
import io.stockage.ItemId;
import io.stockage.ItemPatch;
import io.stockage.Mount;
import io.stockage.MountInfo;
import io.stockage.MountMode;
import io.stockage.NewContent;
import io.stockage.NewProject;
import io.stockage.Page;
import io.stockage.PageRequest;
import io.stockage.Permission;
import io.stockage.Principal;
import io.stockage.Project;
import io.stockage.ProjectMember;
import io.stockage.ProjectRole;
import io.stockage.ProjectTeam;
import io.stockage.Revision;
import io.stockage.Stockage;
import io.stockage.Subject;
import io.stockage.TeamId;
import io.stockage.Upload;
import io.stockage.UploadPolicy;
import io.stockage.UserId;
import io.stockage.core.internal.AccessService;
import io.stockage.core.internal.AuditService;
import io.stockage.core.internal.ContentService;
import io.stockage.core.internal.EngineContext;
import io.stockage.core.internal.LiveService;
import io.stockage.core.internal.MetadataService;
import io.stockage.core.internal.ProjectService;
import io.stockage.core.internal.RevisionService;
import io.stockage.core.internal.SecureUrls;
import io.stockage.core.internal.ShareLinks;
import io.stockage.core.internal.TeamService;
import io.stockage.core.internal.TreeService;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Stockage engine: the {@link Stockage} facade over a catalog and one or more mounts. Build
 * it with {@link #builder()}; it is thread-safe, and {@link #close()} closes the mounts' providers
 * and the catalog it was built with.
 */
public final class StockageEngine implements Stockage {
  private final EngineContext ctx;
  private final ProjectService projects;
  private final TeamService teams;
  private final ContentService contents;
  private final TreeService tree;
  private final MetadataService metadata;
  private final Reconciler reconciler;
  private final RevisionService revisionService;
  private final Retention retention;
  private final LiveService live;
  private final AccessService access;
  private final AuditService audit;
  private final SecureUrls urls;
  private final ShareLinks links;

  StockageEngine(EngineContext ctx, Reconciler reconciler, EngineOptions options) {
    this.ctx = ctx;
    this.projects = new ProjectService(ctx);
    this.teams = new TeamService(ctx);
    this.contents = new ContentService(ctx);
    this.tree = new TreeService(ctx);
    this.metadata = new MetadataService(ctx);
    this.reconciler = reconciler;
    this.revisionService = new RevisionService(ctx);
    this.retention = new Retention(ctx);
    this.live = new LiveService(ctx, options.liveListingTtl());
    this.access = new AccessService(ctx);
    this.audit = new AuditService(ctx);
    this.urls = new SecureUrls(ctx, options.signer());
    this.links = new ShareLinks(ctx, new java.security.SecureRandom());
  }

  /** The retention pass of this engine's mounts; run it on a schedule (the Spring starter does). */
  public Retention retention() {
    return retention;
  }

  /** A builder; a catalog and at least one managed mount are required. */
  public static StockageEngineBuilder builder() {
    return new StockageEngineBuilder();
  }

  /** The reconciler of this engine's mounts; run it on a schedule (the Spring starter does). */
  public Reconciler reconciler() {
    return reconciler;
  }

  /** The upload policy in force. */
  public UploadPolicy uploadPolicy() {
    return ctx.policy();
  }

  @Override
  public Project createProject(Subject subject, NewProject project) {
    return projects.create(subject, project);
  }

  @Override
  public Project project(Subject subject, String slug) {
    return projects.get(subject, slug);
  }

  @Override
  public Page<Project> projects(Subject subject, PageRequest page) {
    return projects.list(subject, page);
  }

  @Override
  public ProjectMember addMember(Subject subject, String project, UserId user, ProjectRole role) {
    return projects.addMember(subject, project, user, role);
  }

  @Override
  public void removeMember(Subject subject, String project, UserId user) {
    projects.removeMember(subject, project, user);
  }

  @Override
  public List<ProjectMember> members(Subject subject, String project) {
    return projects.members(subject, project);
  }

  @Override
  public ProjectTeam addTeam(Subject subject, String project, TeamId team, ProjectRole role) {
    return projects.addTeam(subject, project, team, role);
  }

  @Override
  public void removeTeam(Subject subject, String project, TeamId team) {
    projects.removeTeam(subject, project, team);
  }

  @Override
  public List<ProjectTeam> teams(Subject subject, String project) {
    return projects.teams(subject, project);
  }

  @Override
  public boolean addTeamMember(Subject subject, TeamId team, UserId user) {
    return teams.addMember(subject, team, user);
  }

  @Override
  public boolean removeTeamMember(Subject subject, TeamId team, UserId user) {
    return teams.removeMember(subject, team, user);
  }

  @Override
  public AccessEntry grant(Subject subject, ItemId item, Principal principal, ProjectRole role) {
    return access.grant(subject, item, principal, role);
  }

  @Override
  public void revoke(Subject subject, ItemId item, Principal principal) {
    access.revoke(subject, item, principal);
  }

  @Override
  public List<AccessEntry> accessEntries(Subject subject, ItemId item) {
    return access.entries(subject, item);
  }

  @Override
  public Access explain(Subject subject, ItemId item, Subject whom) {
    return access.explain(subject, item, whom);
  }

  @Override
  public Set<Permission> permissions(Subject subject, ItemId item) {
    return access.permissions(subject, item);
  }

  @Override
  public Page<Item> vaultFiles(Subject subject, PageRequest page) {
    return access.vaultFiles(subject, page);
  }

  @Override
  public Item createFolder(Subject subject, String project, Optional<ItemId> parent, String name) {
    return tree.createFolder(subject, project, parent, name);
  }

  @Override
  public Item upload(Subject subject, Upload upload) {
    return contents.upload(subject, upload);
  }

  @Override
  public Item write(Subject subject, ItemId file, NewContent content) {
    return contents.write(subject, file, content);
  }

  @Override
  public Content open(Subject subject, ItemId file, Optional<ByteRange> range) {
    return contents.open(subject, file, range);
  }

  @Override
  public io.stockage.DownloadUrl downloadUrl(Subject subject, ItemId file, java.time.Duration ttl) {
    return urls.downloadUrl(subject, file, ttl);
  }

  @Override
  public Item stat(Subject subject, ItemId item) {
    return tree.stat(subject, item);
  }

  @Override
  public Page<Item> list(Subject subject, String project, Optional<ItemId> folder, PageRequest page) {
    return tree.list(subject, project, folder, page);
  }

  @Override
  public Item rename(Subject subject, ItemId item, String newName) {
    return tree.rename(subject, item, newName);
  }

  @Override
  public Item move(Subject subject, ItemId item, Optional<ItemId> folder) {
    return tree.move(subject, item, folder);
  }

  @Override
  public Item copy(Subject subject, ItemId file, Optional<ItemId> folder, String name) {
    return tree.copy(subject, file, folder, name);
  }

  @Override
  public Item update(Subject subject, ItemId item, ItemPatch patch) {
    return metadata.update(subject, item, patch);
  }

  @Override
  public FieldDefinition defineField(Subject subject, FieldDefinition field) {
    return metadata.defineField(subject, field);
  }

  @Override
  public List<FieldDefinition> fields(Subject subject) {
    return metadata.fields(subject);
  }

  @Override
  public Item delete(Subject subject, ItemId item) {
    return tree.delete(subject, item);
  }

  @Override
  public Item restore(Subject subject, ItemId item) {
    return tree.restore(subject, item);
  }

  @Override
  public void purge(Subject subject, ItemId item) {
    tree.purge(subject, item);
  }

  @Override
  public Page<Revision> revisions(Subject subject, ItemId file, PageRequest page) {
    return revisionService.list(subject, file, page);
  }

  @Override
  public Content openRevision(Subject subject, ItemId file, int number, Optional<ByteRange> range) {
    return revisionService.open(subject, file, number, range);
  }

  @Override
  public Item restoreRevision(Subject subject, ItemId file, int number) {
    return revisionService.restore(subject, file, number);
  }

  @Override
  public void deleteRevision(Subject subject, ItemId file, int number) {
    revisionService.delete(subject, file, number);
  }

  @Override
  public Revision commentRevision(Subject subject, ItemId file, int number, String comment) {
    return revisionService.comment(subject, file, number, comment);
  }

  @Override
  public Diff diff(Subject subject, ItemId file, int from, int to) {
    return revisionService.diff(subject, file, from, to);
  }

  @Override
  public List<MountInfo> mounts(Subject subject) {
    return ctx.mounts().values().stream()
        .filter(m -> m.mode() == io.stockage.MountMode.MANAGED || live.visible(subject, m))
        .map(Mount::info)
        .sorted(java.util.Comparator.comparing(MountInfo::name)).toList();
  }

  @Override
  public Page<io.stockage.Entry> entries(Subject subject, String mount, String path, PageRequest page) {
    return live.entries(subject, mount, path, page);
  }

  @Override
  public io.stockage.EntrySearch searchEntries(Subject subject, String mount, String path, String text, int maxResults) {
    return live.search(subject, mount, path, text, maxResults);
  }

  @Override
  public io.stockage.Entry entry(Subject subject, String mount, String path) {
    return live.entry(subject, mount, path);
  }

  @Override
  public io.stockage.EntryContent openEntry(Subject subject, String mount, String path, Optional<ByteRange> range) {
    return live.open(subject, mount, path, range);
  }

  @Override
  public io.stockage.Entry putEntry(Subject subject, String mount, String path, java.io.InputStream content,
      java.util.OptionalLong declaredSize) {
    return live.put(subject, mount, path, content, declaredSize);
  }

  @Override
  public io.stockage.Entry moveEntry(Subject subject, String mount, String from, String to) {
    return live.move(subject, mount, from, to);
  }

  @Override
  public void deleteEntry(Subject subject, String mount, String path) {
    live.delete(subject, mount, path);
  }

  @Override
  public io.stockage.Entry makeDirectory(Subject subject, String mount, String path) {
    return live.makeDirectory(subject, mount, path);
  }

  @Override
  public io.stockage.MountMember grantMount(Subject subject, String mount, io.stockage.Principal principal,
      io.stockage.MountRole role) {
    return live.grant(subject, mount, principal, role);
  }

  @Override
  public void revokeMount(Subject subject, String mount, io.stockage.Principal principal) {
    live.revoke(subject, mount, principal);
  }

  @Override
  public Page<io.stockage.AuditEntry> audit(Subject subject, PageRequest page) {
    return audit.list(subject, page);
  }

  @Override
  public io.stockage.AuditVerification verifyAuditChain(Subject subject) {
    return audit.verify(subject);
  }

  @Override
  public io.stockage.ShareLink createShareLink(Subject subject, ItemId file, java.time.Duration ttl) {
    return links.create(subject, file, ttl);
  }

  @Override
  public void revokeShareLink(Subject subject, java.util.UUID link) {
    links.revoke(subject, link);
  }

  @Override
  public Content openShared(String token, Optional<ByteRange> range) {
    return links.open(token, range);
  }

  @Override
  public Content openSigned(java.net.URI url, Optional<ByteRange> range) {
    return urls.openSigned(url, range);
  }

  @Override
  public Optional<java.net.URI> presignSigned(java.net.URI url) {
    return urls.presignSigned(url);
  }

  @Override
  public void close() {
    ctx.mounts().values().forEach(m -> m.provider().close());
    ctx.catalog().close();
  }
}
