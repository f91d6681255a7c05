package io.stockage.core.internal;

import io.stockage.ChangeKind;
import io.stockage.ErrorKind;
import io.stockage.Mount;
import io.stockage.MountMode;
import io.stockage.NewProject;
import io.stockage.OrgPermission;
import io.stockage.Page;
import io.stockage.PageRequest;
import io.stockage.Permission;
import io.stockage.Principal;
import io.stockage.Project;
import io.stockage.ProjectId;
import io.stockage.ProjectMember;
import io.stockage.ProjectRole;
import io.stockage.ProjectTeam;
import io.stockage.StockageException;
import io.stockage.Subject;
import io.stockage.TeamId;
import io.stockage.UserId;
import io.stockage.spi.catalog.CatalogSession;
import io.stockage.spi.catalog.ProjectRecords;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Projects and their members. */
public final class ProjectService implements io.stockage.Projects {
  private final EngineContext ctx;

  /** A service over the engine's context. */
  public ProjectService(EngineContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Project create(Subject subject, NewProject spec) {
    Operation op = Operation.mutation(ctx, "create-project", subject, spec.slug());
    return op.run(() -> {
      Authorizer.requireOrg(op, OrgPermission.CREATE_PROJECT);
      Mount mount = managedMount(spec.mount().orElse(ctx.defaultMount()));
      op.mount(mount.name());
      Instant now = ctx.clock().instant();
      Project project = new Project(ProjectId.random(), subject.org(), spec.slug(), spec.title(),
          spec.description(), spec.category(), "active", mount.name(), subject.user(), now);
      return ctx.catalog().inTransaction(session -> {
        session.projects().ensureOrganization(subject.org(), now);
        session.projects().insert(project);
        session.projects().putMember(project.id(), subject.user(), ProjectRole.ADMIN, now);
        Journal.project(op, session, project, ChangeKind.ADDED, now);
        session.audit().append(op.allowed(Map.of("project", project.id().toString())));
        return project;
      });
    });
  }

  @Override
  public Project get(Subject subject, String slug) {
    Operation op = Operation.query(ctx, "get-project", subject, slug);
    return op.run(() -> ctx.catalog().read(session -> Lookups.project(op, session, slug, Permission.VIEW)));
  }

  @Override
  public Project get(Subject subject, io.stockage.ProjectId id) {
    Operation op = Operation.query(ctx, "get-project", subject, id.toString());
    return op.run(() -> ctx.catalog().read(session -> Lookups.project(op, session, id, Permission.VIEW)));
  }

  @Override
  public java.util.Set<Permission> permissions(Subject subject, String slug) {
    Operation op = Operation.query(ctx, "project-permissions", subject, slug);
    return op.run(() -> ctx.catalog().read(session -> {
      Project project = Lookups.project(op, session, slug, Permission.VIEW);
      return java.util.Set.copyOf(Authorizer.onProject(op, project, session).permissions());
    }));
  }

  @Override
  public Page<Project> list(Subject subject, PageRequest page) {
    Operation op = Operation.query(ctx, "list-projects", subject, subject.org().value());
    return op.run(() -> ctx.catalog().read(session -> session.projects()
        .list(subject.org(), subject.user(), op.teams(), subject.has(OrgPermission.VIEW), page)));
  }

  @Override
  public ProjectMember addMember(Subject subject, String slug, UserId user, ProjectRole role) {
    return changeMembers(subject, slug, new MemberChange<>("add-member", Optional.empty(), Map.of("user", user.value(), "role",
        role.name()), (records, project, now) -> records.putMember(project, user, role, now), member -> true));
  }

  @Override
  public void removeMember(Subject subject, String slug, UserId user) {
    changeMembers(subject, slug, new MemberChange<>("remove-member", Optional.of(user), Map.of("user", user.value()),
        (records, project, now) -> records.removeMember(project, user), removed -> removed));
  }

  @Override
  public List<ProjectMember> members(Subject subject, String slug) {
    Operation op = Operation.query(ctx, "list-members", subject, slug);
    return op.run(() -> ctx.catalog().read(session -> {
      Project project = Lookups.project(op, session, slug, Permission.VIEW);
      return session.projects().members(project.id());
    }));
  }

  @Override
  public ProjectTeam addTeam(Subject subject, String slug, TeamId team, ProjectRole role) {
    return changeMembers(subject, slug, new MemberChange<>("add-team", Optional.empty(), Map.of("team", team.value(), "role",
        role.name()), (records, project, now) -> records.putTeam(project, team, role, now), added -> true));
  }

  @Override
  public void removeTeam(Subject subject, String slug, TeamId team) {
    changeMembers(subject, slug, new MemberChange<>("remove-team", Optional.of(team), Map.of("team", team.value()),
        (records, project, now) -> records.removeTeam(project, team), removed -> removed));
  }

  @Override
  public List<ProjectTeam> teams(Subject subject, String slug) {
    Operation op = Operation.query(ctx, "list-teams", subject, slug);
    return op.run(() -> ctx.catalog().read(session -> {
      Project project = Lookups.project(op, session, slug, Permission.VIEW);
      return session.projects().teams(project.id());
    }));
  }

  /**
   * Changes the project's members (needs {@code SHARE}), records a change when something changed,
   * audits, and, once committed, forgets cached permission decisions.
   */
  private <T> T changeMembers(Subject subject, String slug, MemberChange<T> change) {
    Operation op = Operation.mutation(ctx, change.action(), subject, slug);
    T result = op.run(() -> ctx.catalog().inTransaction(session -> {
      Project project = Lookups.project(op, session, slug, Permission.SHARE);
      requireMemberShare(op, session, project);
      Instant now = ctx.clock().instant();
      T written = change.write().apply(session.projects(), project.id(), now);
      if (change.changed().test(written)) {
        Journal.access(op, session, project, change.losing(), now);
      }
      session.audit().append(op.allowed(change.details()));
      return written;
    }));
    ctx.accessCache().invalidate();
    return result;
  }

  /**
   * Organization permissions never reach a vault item, so they do not manage the members of a
   * project that holds one (its members see its vault items): that takes a project role with
   * {@code SHARE}, as a user or through a team.
   */
  private static void requireMemberShare(Operation op, CatalogSession session, Project project) {
    boolean asMember = session.projects().memberships(project.id(), op.subject().user(), op.teams()).stream()
        .anyMatch(m -> m.role().allows(Permission.SHARE));
    if (!asMember && session.items().holdsVault(project.id())) {
      throw op.deny(ErrorKind.PERMISSION_DENIED, op.subject().user() + " may not " + op.name() + " on project "
          + project.slug() + ": it holds vault items, whose members only its admins manage");
    }
  }

  /** A write to a project's member rows. */
  @FunctionalInterface
  private interface MemberWrite<T> {
    T apply(ProjectRecords records, ProjectId project, Instant now);
  }

  /**
   * A change of a project's members.
   *
   * @param action the audited operation's name
   * @param details the audit row's details
   * @param write what to write
   * @param changed whether what the write returned means the members changed
   */
  private record MemberChange<T>(String action, Optional<Principal> losing, Map<String, String> details, MemberWrite<T> write,
      java.util.function.Predicate<T> changed) {}

  private Mount managedMount(String name) {
    // A missing mount is NOT_FOUND wherever it is named (EngineContext.mount).
    Mount mount = ctx.mount(name);
    if (mount.mode() != MountMode.MANAGED) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "mount " + name + " is not a managed mount");
    }
    return mount;
  }

}
