package io.stockage.jdbc;

import static io.stockage.jdbc.TestData.ALICE;
import static io.stockage.jdbc.TestData.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.stockage.ErrorKind;
import io.stockage.OrgId;
import io.stockage.Page;
import io.stockage.PageRequest;
import io.stockage.Project;
import io.stockage.ProjectMember;
import io.stockage.ProjectRole;
import io.stockage.StockageException;
import io.stockage.TeamId;
import io.stockage.UserId;
import io.stockage.spi.catalog.CatalogSession;
import io.stockage.spi.catalog.Membership;
import io.stockage.spi.catalog.ProjectStanding;
import io.stockage.spi.catalog.QuotaRecords;
import io.stockage.testkit.PostgresExtension;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProjectRecordsIT {
  @RegisterExtension
  static final PostgresExtension POSTGRES = new PostgresExtension();
  private static final UserId BOB = UserId.of("bob");
  private static final TeamId DESIGN = TeamId.of("design");
  private static final TeamId SITE = TeamId.of("site");

  private static JdbcCatalog catalog;

  @BeforeAll
  static void createCatalog() {
    catalog = JdbcCatalog.create(POSTGRES.database().dataSource());
  }

  @AfterAll
  static void closeCatalog() {
    catalog.close();
  }

  @Test
  void insert_newProject_isFoundBySlugAndId() {
    Project project = TestData.newProject(catalog, "tower");

    assertThat(catalog.read((CatalogSession s) -> s.projects().find(project.org(), "tower"))).contains(project);
    assertThat(catalog.read((CatalogSession s) -> s.projects().find(project.id()))).contains(project);
    assertThat(catalog.read((CatalogSession s) -> s.projects().find(TestData.newOrg(), "tower"))).isEmpty();
  }

  @Test
  void insert_takenSlug_failsAlreadyExistsAndTransactionGoesOn() {
    Project first = TestData.newProject(catalog, "bridge");
    Project clash = TestData.project(first.org(), "bridge");
    Project other = TestData.project(first.org(), "bridge-2");

    StockageException e = catalog.inTransaction(s -> {
      StockageException failure = catchThrowableOfType(StockageException.class, () -> s.projects().insert(clash));
      s.projects().insert(other);
      return failure;
    });

    assertThat(e.kind()).isEqualTo(ErrorKind.ALREADY_EXISTS);
    assertThat(e.detail()).contains("bridge");
    assertThat(catalog.read((CatalogSession s) -> s.projects().find(other.id()))).isPresent();
  }

  @Test
  void findWithMemberships_isOneReadOfTheProjectAndTheRowsThatGiveTheUserARole() throws SQLException {
    Project project = TestData.newProject(catalog, "standing");
    catalog.inTransaction(s -> s.projects().putMember(project.id(), ALICE, ProjectRole.VIEWER, T0));
    catalog.inTransaction(s -> s.projects().putMember(project.id(), BOB, ProjectRole.ADMIN, T0));
    addTeam(project, DESIGN, ProjectRole.EDITOR);
    addTeam(project, SITE, ProjectRole.ADMIN);

    ProjectStanding alice = catalog.read((CatalogSession s) -> s.projects().findWithMemberships(project.org(),
        "standing", ALICE, Set.of(DESIGN))).orElseThrow();
    assertThat(alice.project()).isEqualTo(project);
    assertThat(alice.memberships()).as("the same rows memberships() reads, in its order")
        .isEqualTo(catalog.read((CatalogSession s) -> s.projects().memberships(project.id(), ALICE, Set.of(DESIGN))))
        .extracting(Membership::role).containsExactly(ProjectRole.VIEWER, ProjectRole.EDITOR);

    ProjectStanding stranger = catalog.read((CatalogSession s) -> s.projects().findWithMemberships(project.org(),
        "standing", UserId.of("carol"), Set.of())).orElseThrow();
    assertThat(stranger.project()).isEqualTo(project);
    assertThat(stranger.memberships()).isEmpty();
    assertThat(stranger.limits()).as("no limit set").isEqualTo(new QuotaRecords.Limits(OptionalLong.empty(),
        OptionalLong.empty()));
    assertThat(catalog.read((CatalogSession s) -> s.projects().findWithMemberships(project.org(), "nowhere", ALICE,
        Set.of()))).isEmpty();
    assertThat(catalog.read((CatalogSession s) -> s.projects().findWithMemberships(TestData.newOrg(), "standing",
        ALICE, Set.of(DESIGN)))).isEmpty();
  }

  @Test
  void findWithMemberships_readsTheLimitsThatBearOnTheProject_itsOwnAndItsOrganizations() throws SQLException {
    OrgId org = TestData.newOrg();
    Project project = insert(org, "limited");
    Project other = insert(org, "other");
    catalog.inTransaction(s -> {
      s.quotas().setLimit(project.org(), Optional.of(project.id()), OptionalLong.of(1_000));
      s.quotas().setLimit(project.org(), Optional.of(other.id()), OptionalLong.of(7));
      return null;
    });
    assertThat(standing(project).limits()).as("the project's own, no organization limit")
        .isEqualTo(new QuotaRecords.Limits(OptionalLong.empty(), OptionalLong.of(1_000)));

    catalog.inTransaction(s -> {
      s.quotas().setLimit(project.org(), Optional.empty(), OptionalLong.of(5_000));
      s.quotas().setLimit(TestData.newOrg(), Optional.empty(), OptionalLong.of(3));
      return null;
    });
    assertThat(standing(project).limits()).as("what limits() reads, no other project's or organization's")
        .isEqualTo(new QuotaRecords.Limits(OptionalLong.of(5_000), OptionalLong.of(1_000)))
        .isEqualTo(catalog.read((CatalogSession s) -> s.quotas().limits(project.org(), Optional.of(project.id()))));
  }

  private ProjectStanding standing(Project project) throws SQLException {
    return catalog.read((CatalogSession s) -> s.projects().findWithMemberships(project.org(), project.slug(), ALICE,
        Set.of())).orElseThrow();
  }

  @Test
  void role_userAndTeamRows_isTheHighest() throws SQLException {
    Project project = TestData.newProject(catalog, "roles");
    catalog.inTransaction(s -> s.projects().putMember(project.id(), ALICE, ProjectRole.VIEWER, T0));
    addTeam(project, DESIGN, ProjectRole.ADMIN);
    addTeam(project, SITE, ProjectRole.EDITOR);

    assertThat(role(project, ALICE, Set.of())).contains(ProjectRole.VIEWER);
    assertThat(role(project, ALICE, Set.of(SITE))).contains(ProjectRole.EDITOR);
    assertThat(role(project, ALICE, Set.of(SITE, DESIGN))).contains(ProjectRole.ADMIN);
    assertThat(role(project, BOB, Set.of(SITE))).contains(ProjectRole.EDITOR);
    assertThat(role(project, BOB, Set.of())).isEmpty();
  }

  @Test
  void list_notAll_returnsProjectsOfUserOrTeamsBySlug() throws SQLException {
    OrgId org = TestData.newOrg();
    Project c = insert(org, "c-direct");
    Project a = insert(org, "a-team");
    insert(org, "b-none");
    catalog.inTransaction(s -> s.projects().putMember(c.id(), BOB, ProjectRole.EDITOR, T0));
    addTeam(a, SITE, ProjectRole.VIEWER);

    Page<Project> mine = catalog.read(s -> s.projects().list(org, BOB, Set.of(SITE), false, PageRequest.first(10)));
    Page<Project> direct = catalog.read(s -> s.projects().list(org, BOB, Set.of(), false, PageRequest.first(10)));

    assertThat(mine.items()).extracting(Project::slug).containsExactly("a-team", "c-direct");
    assertThat(mine.hasNext()).isFalse();
    assertThat(direct.items()).extracting(Project::slug).containsExactly("c-direct");
  }

  @Test
  void list_all_pagesThroughEveryProjectBySlug() {
    OrgId org = TestData.newOrg();
    for (String slug : new String[] {"p3", "p1", "p2"}) {
      insert(org, slug);
    }

    Page<Project> first = catalog.read(s -> s.projects().list(org, BOB, Set.of(), true, PageRequest.first(2)));
    Page<Project> second = catalog.read(s -> s.projects().list(org, BOB, Set.of(), true, first.next().orElseThrow()));

    assertThat(first.items()).extracting(Project::slug).containsExactly("p1", "p2");
    assertThat(first.hasNext()).isTrue();
    assertThat(second.items()).extracting(Project::slug).containsExactly("p3");
    assertThat(second.hasNext()).isFalse();
  }

  @Test
  void putMember_existingMember_changesRoleKeepsJoinedAt() {
    Project project = TestData.newProject(catalog, "members");
    catalog.inTransaction(s -> s.projects().putMember(project.id(), BOB, ProjectRole.VIEWER, T0));
    catalog.inTransaction(s -> s.projects().putMember(project.id(), ALICE, ProjectRole.ADMIN, T0));

    ProjectMember changed = catalog.inTransaction(
        s -> s.projects().putMember(project.id(), BOB, ProjectRole.EDITOR, TestData.later()));

    assertThat(changed).isEqualTo(new ProjectMember(BOB, ProjectRole.EDITOR, T0));
    assertThat(catalog.read((CatalogSession s) -> s.projects().members(project.id()))).containsExactly(
        new ProjectMember(ALICE, ProjectRole.ADMIN, T0), new ProjectMember(BOB, ProjectRole.EDITOR, T0));
  }

  @Test
  void removeMember_memberOrNot_tellsWhetherOneWasRemoved() {
    Project project = TestData.newProject(catalog, "leave");
    catalog.inTransaction(s -> s.projects().putMember(project.id(), BOB, ProjectRole.VIEWER, T0));

    assertThat(catalog.inTransaction((CatalogSession s) -> s.projects().removeMember(project.id(), BOB))).isTrue();
    assertThat(catalog.inTransaction((CatalogSession s) -> s.projects().removeMember(project.id(), BOB))).isFalse();
    assertThat(catalog.read((CatalogSession s) -> s.projects().members(project.id()))).isEmpty();
  }

  private static Project insert(OrgId org, String slug) {
    Project project = TestData.project(org, slug);
    return catalog.inTransaction(s -> {
      s.projects().ensureOrganization(org, T0);
      s.projects().insert(project);
      return project;
    });
  }

  private static Optional<ProjectRole> role(Project project, UserId user, Set<TeamId> teams) {
    return catalog.read(s -> s.projects().role(project.id(), user, teams));
  }

  // The SPI writes user rows only: team rows are written as a host's admin tool would.
  private static void addTeam(Project project, TeamId team, ProjectRole role) throws SQLException {
    MigrationIT.execute(POSTGRES.database().dataSource(), "INSERT INTO project_members VALUES ('"
        + project.id() + "', 'TEAM', '" + team + "', '" + role + "', now())");
  }
}
