package io.stockage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stockage.ErrorKind;
import io.stockage.OrgId;
import io.stockage.StockageException;
import io.stockage.TeamId;
import io.stockage.UserId;
import io.stockage.testkit.PostgresExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbcDirectoryIT {
  @RegisterExtension
  static final PostgresExtension POSTGRES = new PostgresExtension();
  private static final TeamId DESIGN = TeamId.of("design");
  private static final TeamId SITE = TeamId.of("site");
  private static final UserId BOB = UserId.of("bob");

  private static JdbcDirectory directory;

  @BeforeAll
  static void createDirectory() {
    directory = JdbcDirectory.create(POSTGRES.database().dataSource());
  }

  @Test
  void teamsOf_memberOfTwoTeams_returnsThemForTheirOrganizationOnly() {
    OrgId org = TestData.newOrg();
    OrgId elsewhere = TestData.newOrg();
    directory.createTeam(org, DESIGN, "Design");
    directory.createTeam(org, SITE, "Site");
    directory.createTeam(elsewhere, DESIGN, "Design elsewhere");

    assertThat(directory.addMember(org, DESIGN, BOB)).isTrue();
    assertThat(directory.addMember(org, DESIGN, BOB)).isFalse();
    directory.addMember(org, SITE, BOB);

    assertThat(directory.teamsOf(org, BOB)).containsExactlyInAnyOrder(DESIGN, SITE);
    assertThat(directory.teamsOf(elsewhere, BOB)).isEmpty();
    assertThat(directory.teamsOf(org, UserId.of("nobody"))).isEmpty();
  }

  @Test
  void removeMember_member_leavesTheTeam() {
    OrgId org = TestData.newOrg();
    directory.createTeam(org, DESIGN, "Design");
    directory.addMember(org, DESIGN, BOB);

    assertThat(directory.removeMember(org, DESIGN, BOB)).isTrue();
    assertThat(directory.removeMember(org, DESIGN, BOB)).isFalse();
    assertThat(directory.teamsOf(org, BOB)).isEmpty();
  }

  @Test
  void createTeam_existingId_failsAlreadyExists() {
    OrgId org = TestData.newOrg();
    directory.createTeam(org, DESIGN, "Design");

    assertThatThrownBy(() -> directory.createTeam(org, DESIGN, "Again"))
        .isInstanceOfSatisfying(StockageException.class,
            e -> assertThat(e.kind()).isEqualTo(ErrorKind.ALREADY_EXISTS));
  }

  @Test
  void addMember_unknownTeam_failsNotFound() {
    assertThatThrownBy(() -> directory.addMember(TestData.newOrg(), DESIGN, BOB))
        .isInstanceOfSatisfying(StockageException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
  }

  @Test
  void directory_ofCatalog_seesTheSameTeams() {
    OrgId org = TestData.newOrg();
    directory.createTeam(org, SITE, "Site");
    directory.addMember(org, SITE, BOB);

    try (JdbcCatalog catalog = JdbcCatalog.create(POSTGRES.database().dataSource())) {
      assertThat(catalog.directory().teamsOf(org, BOB)).containsExactly(SITE);
    }
  }
}
