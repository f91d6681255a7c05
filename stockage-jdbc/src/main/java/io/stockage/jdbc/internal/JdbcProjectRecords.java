package io.stockage.jdbc.internal;

import io.stockage.OrgId;
import io.stockage.Page;
import io.stockage.PageRequest;
import io.stockage.Principal;
import io.stockage.Project;
import io.stockage.ProjectId;
import io.stockage.ProjectMember;
import io.stockage.ProjectRole;
import io.stockage.ProjectTeam;
import io.stockage.TeamId;
import io.stockage.UserId;
import io.stockage.spi.catalog.Membership;
import io.stockage.spi.catalog.PageCursor;
import io.stockage.spi.catalog.ProjectRecords;
import io.stockage.spi.catalog.ProjectStanding;
import io.stockage.spi.catalog.QuotaRecords;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Organizations, projects and members in {@code organizations}, {@code projects} and
 * {@code project_members}. A member row names a user or a team.
 */
public final class JdbcProjectRecords implements ProjectRecords {
  private static final String COLUMNS =
      "id, org_id, slug, title, description, category, status, mount, creator, created_at";
  static final String MEMBERSHIP = """
      ((m.principal_type = 'USER' AND m.principal_id = :user)
        OR (m.principal_type = 'TEAM' AND m.principal_id = ANY (CAST(:teams AS text[]))))""";

  private final Handle handle;

  /** Records on the transaction's handle. */
  public JdbcProjectRecords(Handle handle) {
    this.handle = Objects.requireNonNull(handle, "handle");
  }

  @Override
  public void ensureOrganization(OrgId org, Instant at) {
    handle.createUpdate("INSERT INTO organizations (id, created_at) VALUES (:id, :at) ON CONFLICT (id) DO NOTHING")
        .bind("id", org.value())
        .bind("at", Rows.at(at))
        .execute();
  }

  @Override
  public void insert(Project p) {
    // ON CONFLICT keeps the transaction usable when the slug is taken.
    int inserted = handle.createUpdate("INSERT INTO projects (" + COLUMNS + ") VALUES (:id, :org, :slug,"
            + " :title, :description, :category, :status, :mount, :creator, :createdAt)"
            + " ON CONFLICT (org_id, slug) DO NOTHING")
        .bind("id", p.id().value())
        .bind("org", p.org().value())
        .bind("slug", p.slug())
        .bind("title", p.title())
        .bind("description", p.description())
        .bind("category", p.category())
        .bind("status", p.status())
        .bind("mount", p.mount())
        .bind("creator", p.creator().value())
        .bind("createdAt", Rows.at(p.createdAt()))
        .execute();
    if (inserted == 0) {
      throw JdbcErrors.slugTaken(p.slug());
    }
  }

  @Override
  public Optional<Project> find(OrgId org, String slug) {
    return handle.createQuery("SELECT " + COLUMNS + " FROM projects WHERE org_id = :org AND slug = :slug")
        .bind("org", org.value())
        .bind("slug", slug)
        .map(JdbcProjectRecords::project)
        .findOne();
  }

  /** {@inheritDoc} One statement: the project joined with the member rows, a row for each. */
  @Override
  public Optional<ProjectStanding> findWithMemberships(OrgId org, String slug, UserId user, Set<TeamId> teams) {
    record Row(Project project, QuotaRecords.Limits limits, Optional<Membership> membership) {}
    List<Row> rows = handle.createQuery("SELECT " + columns("p", "") + ", m.principal_type, m.principal_id, m.role,"
            + " (SELECT q.limit_bytes FROM quotas q WHERE q.org_id = p.org_id AND q.project_id IS NULL) AS org_limit,"
            + " (SELECT q.limit_bytes FROM quotas q WHERE q.project_id = p.id) AS project_limit FROM projects p"
            + " LEFT JOIN project_members m ON m.project_id = p.id AND " + MEMBERSHIP
            + " WHERE p.org_id = :org AND p.slug = :slug ORDER BY m.principal_type DESC, m.principal_id")
        .bind("org", org.value())
        .bind("slug", slug)
        .bind("user", user.value())
        .bindArray("teams", String.class, teamIds(teams))
        .map((r, ctx) -> new Row(project(r, ctx),
            new QuotaRecords.Limits(Rows.optionalLong(r, "org_limit"), Rows.optionalLong(r, "project_limit")),
            r.getString("principal_type") == null ? Optional.<Membership>empty() : Optional.of(membership(r, ctx))))
        .list();
    return rows.isEmpty() ? Optional.empty() : Optional.of(new ProjectStanding(rows.get(0).project(),
        rows.stream().flatMap(r -> r.membership().stream()).toList(), rows.get(0).limits()));
  }

  @Override
  public Optional<Project> find(ProjectId id) {
    return handle.createQuery("SELECT " + COLUMNS + " FROM projects WHERE id = :id")
        .bind("id", id.value())
        .map(JdbcProjectRecords::project)
        .findOne();
  }

  @Override
  public Page<Project> list(OrgId org, UserId user, Set<TeamId> teams, boolean all, PageRequest page) {
    // Slugs are unique in an organization: the slug alone is the key.
    Optional<PageCursor> after = PageCursor.of(page, 1);
    String sql = "SELECT " + COLUMNS + " FROM projects p WHERE p.org_id = :org AND (:all OR EXISTS"
        + " (SELECT 1 FROM project_members m WHERE m.project_id = p.id AND " + MEMBERSHIP + "))"
        + (after.isPresent() ? " AND p.slug COLLATE \"C\" > :after" : "")
        + " ORDER BY p.slug COLLATE \"C\" LIMIT :limit";
    Query query = handle.createQuery(sql);
    after.ifPresent(c -> query.bind("after", c.get(0)));
    List<Project> rows = query.bind("limit", page.size() + 1)
        .bind("org", org.value())
        .bind("all", all)
        .bind("user", user.value())
        .bindArray("teams", String.class, teamIds(teams))
        .map(JdbcProjectRecords::project)
        .list();
    return PageCursor.page(rows, page, p -> PageCursor.of(p.slug()));
  }

  @Override
  public List<Membership> memberships(ProjectId project, UserId user, Set<TeamId> teams) {
    return handle.createQuery("SELECT m.principal_type, m.principal_id, m.role FROM project_members m"
            + " WHERE m.project_id = :project AND " + MEMBERSHIP + " ORDER BY m.principal_type DESC, m.principal_id")
        .bind("project", project.value())
        .bind("user", user.value())
        .bindArray("teams", String.class, teamIds(teams))
        .map(JdbcProjectRecords::membership)
        .list();
  }

  @Override
  public ProjectMember putMember(ProjectId project, UserId user, ProjectRole role, Instant at) {
    return put(project, user, role, at).map(JdbcProjectRecords::member).one();
  }

  @Override
  public boolean removeMember(ProjectId project, UserId user) {
    return remove(project, user);
  }

  @Override
  public List<ProjectMember> members(ProjectId project) {
    return rows(project, Principal.Kind.USER).map(JdbcProjectRecords::member).list();
  }

  @Override
  public ProjectTeam putTeam(ProjectId project, TeamId team, ProjectRole role, Instant at) {
    return put(project, team, role, at).map(JdbcProjectRecords::team).one();
  }

  @Override
  public boolean removeTeam(ProjectId project, TeamId team) {
    return remove(project, team);
  }

  @Override
  public List<ProjectTeam> teams(ProjectId project) {
    return rows(project, Principal.Kind.TEAM).map(JdbcProjectRecords::team).list();
  }

  /** Adds the principal's member row or changes its role; a changed role keeps the original joined_at. */
  private Query put(ProjectId project, Principal principal, ProjectRole role, Instant at) {
    return handle.createQuery("""
            INSERT INTO project_members (project_id, principal_type, principal_id, role, joined_at)
            VALUES (:project, :type, :id, :role, :at)
            ON CONFLICT (project_id, principal_type, principal_id) DO UPDATE SET role = EXCLUDED.role
            RETURNING principal_id, role, joined_at""")
        .bind("project", project.value())
        .bind("type", principal.kind().name())
        .bind("id", principal.value())
        .bind("role", role.name())
        .bind("at", Rows.at(at));
  }

  private boolean remove(ProjectId project, Principal principal) {
    return handle.createUpdate("DELETE FROM project_members"
            + " WHERE project_id = :project AND principal_type = :type AND principal_id = :id")
        .bind("project", project.value())
        .bind("type", principal.kind().name())
        .bind("id", principal.value())
        .execute() > 0;
  }

  /** The member rows of one kind of principal, by id. */
  private Query rows(ProjectId project, Principal.Kind type) {
    return handle.createQuery("SELECT principal_id, role, joined_at FROM project_members"
            + " WHERE project_id = :project AND principal_type = :type ORDER BY principal_id COLLATE \"C\"")
        .bind("project", project.value())
        .bind("type", type.name());
  }

  private static List<String> teamIds(Set<TeamId> teams) {
    return teams.stream().map(TeamId::value).toList();
  }

  private static Project project(ResultSet rows, StatementContext ctx) throws SQLException {
    return project(rows, "");
  }

  /**
   * The project's columns read from the table aliased {@code alias}, each named with the prefix:
   * for a statement that reads a project beside other rows ({@link #project(ResultSet, String)}).
   */
  static String columns(String alias, String prefix) {
    return java.util.Arrays.stream(COLUMNS.split(", "))
        .map(c -> alias + "." + c + " AS " + prefix + c)
        .collect(java.util.stream.Collectors.joining(", "));
  }

  /** The project of a row whose project columns are named with the prefix ({@link #COLUMNS}, each prefixed). */
  static Project project(ResultSet rows, String prefix) throws SQLException {
    return new Project(
        ProjectId.of(Rows.uuid(rows, prefix + "id")),
        OrgId.of(rows.getString(prefix + "org_id")),
        rows.getString(prefix + "slug"),
        rows.getString(prefix + "title"),
        rows.getString(prefix + "description"),
        rows.getString(prefix + "category"),
        rows.getString(prefix + "status"),
        rows.getString(prefix + "mount"),
        UserId.of(rows.getString(prefix + "creator")),
        Rows.instant(rows, prefix + "created_at"));
  }

  private static Membership membership(ResultSet rows, StatementContext ctx) throws SQLException {
    return membershipOf(List.of(rows.getString("principal_type"), rows.getString("principal_id"),
        rows.getString("role")));
  }

  /** The membership of a row of {@code [principal_type, principal_id, role]}. */
  static Membership membershipOf(List<String> row) {
    return new Membership(Principal.of(Principal.Kind.valueOf(row.get(0)), row.get(1)), ProjectRole.valueOf(row.get(2)));
  }

  private static ProjectTeam team(ResultSet rows, StatementContext ctx) throws SQLException {
    return new ProjectTeam(
        TeamId.of(rows.getString("principal_id")),
        ProjectRole.valueOf(rows.getString("role")),
        Rows.instant(rows, "joined_at"));
  }

  private static ProjectMember member(ResultSet rows, StatementContext ctx) throws SQLException {
    return new ProjectMember(
        UserId.of(rows.getString("principal_id")),
        ProjectRole.valueOf(rows.getString("role")),
        Rows.instant(rows, "joined_at"));
  }
}
