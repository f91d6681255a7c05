package io.stockage.jdbc;

import static io.stockage.jdbc.TestData.ALICE;
import static io.stockage.jdbc.TestData.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.ItemId;
import io.stockage.OrgId;
import io.stockage.ProjectId;
import io.stockage.spi.AuditOutcome;
import io.stockage.spi.AuditRecord;
import io.stockage.spi.ChangeKind;
import io.stockage.spi.ChangeRecord;
import io.stockage.testkit.PostgresExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JournalRecordsIT {
  @RegisterExtension
  static final PostgresExtension POSTGRES = new PostgresExtension();

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
  void change_twoChanges_returnsIncreasingSequenceNumbers() throws SQLException {
    OrgId org = TestData.newOrg();
    ChangeRecord added = new ChangeRecord(org, ProjectId.random(), Optional.of(ItemId.random()), ChangeKind.ADDED,
        1, ALICE, T0);
    ChangeRecord project = new ChangeRecord(org, ProjectId.random(), Optional.empty(),
        ChangeKind.PERMISSIONS_CHANGED, 0, ALICE, T0);

    long first = catalog.inTransaction(s -> s.journal().change(added));
    long second = catalog.inTransaction(s -> s.journal().change(project));

    assertThat(second).isGreaterThan(first);
    assertThat(text("SELECT kind || ' ' || coalesce(item_id::text, '-') FROM changes WHERE seq = ?", second))
        .isEqualTo("PERMISSIONS_CHANGED -");
  }

  @Test
  void audit_detailsWithJsonCharacters_storedAsJsonObjectOfStrings() throws SQLException {
    OrgId org = TestData.newOrg();
    Map<String, String> details = Map.of("name", "a \"quoted\", {braced} \\ name", "revision", "2");
    catalog.inTransaction(s -> {
      s.journal().audit(new AuditRecord(org, ALICE, "upload", "item-1", AuditOutcome.ALLOWED, details, T0));
      s.journal().audit(new AuditRecord(org, ALICE, "download", "item-1", AuditOutcome.DENIED, Map.of(), T0));
      return org;
    });

    assertThat(text("SELECT details ->> 'name' FROM audit_log WHERE org_id = ? ORDER BY id LIMIT 1", org.value()))
        .isEqualTo("a \"quoted\", {braced} \\ name");
    assertThat(text("SELECT jsonb_typeof(details -> 'revision') FROM audit_log WHERE org_id = ? ORDER BY id LIMIT 1",
        org.value())).isEqualTo("string");
    assertThat(text("SELECT outcome || ' ' || details::text FROM audit_log WHERE org_id = ? ORDER BY id DESC LIMIT 1",
        org.value())).isEqualTo("DENIED {}");
  }

  private static String text(String sql, Object parameter) throws SQLException {
    DataSource dataSource = POSTGRES.database().dataSource();
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, parameter);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getString(1);
      }
    }
  }
}
