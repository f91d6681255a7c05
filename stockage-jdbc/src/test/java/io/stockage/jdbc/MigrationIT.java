package io.stockage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.AuditOutcome;
import io.stockage.OrgId;
import io.stockage.jdbc.internal.Migrations;
import io.stockage.spi.catalog.AuditHashes;
import io.stockage.spi.catalog.AuditHead;
import io.stockage.spi.catalog.AuditLink;
import io.stockage.spi.catalog.AuditRecord;
import io.stockage.testkit.PostgresExtension;
import io.stockage.testkit.PostgresFixture;
import io.stockage.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MigrationIT {
  @RegisterExtension
  static final PostgresExtension POSTGRES = new PostgresExtension();

  @Test
  void create_twice_migratesOnce() throws SQLException {
    DataSource dataSource = POSTGRES.database().dataSource();
    JdbcCatalog.create(dataSource).close();
    JdbcCatalog.create(dataSource).close();

    assertThat(count(dataSource, "SELECT count(*) FROM stockage_schema_history WHERE version = '1' AND success"))
        .isEqualTo(1);
    assertThat(count(dataSource, "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename IN"
        + " ('organizations', 'projects', 'project_members', 'teams', 'team_members', 'mounts', 'items',"
        + " 'blobs', 'revisions', 'tags', 'item_tags', 'custom_field_definitions', 'audit_log', 'changes')"))
        .isEqualTo(14);
  }

  @Test
  void create_schemaWithHostTablesAndFlyway_migratesBesideThem() throws SQLException {
    try (TestDatabase database = PostgresFixture.create()) {
      DataSource dataSource = database.dataSource();
      execute(dataSource, "CREATE TABLE host_orders (id int PRIMARY KEY)");
      execute(dataSource, "CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY, version text)");
      execute(dataSource, "INSERT INTO flyway_schema_history VALUES (1, '7')");

      JdbcCatalog.create(dataSource).close();

      assertThat(count(dataSource, "SELECT count(*) FROM items")).isZero();
      assertThat(count(dataSource, "SELECT count(*) FROM flyway_schema_history")).isEqualTo(1);
      assertThat(count(dataSource, "SELECT count(*) FROM stockage_schema_history WHERE version = '1' AND success"))
          .isEqualTo(1);
    }
  }

  @Test
  void migrate_auditRowsWrittenBeforeV5_headStartsTheChainAfterThem() throws SQLException {
    try (TestDatabase database = PostgresFixture.create()) {
      DataSource dataSource = database.dataSource();
      Flyway.configure(MigrationIT.class.getClassLoader()).dataSource(dataSource).locations(Migrations.LOCATION)
          .table(Migrations.HISTORY_TABLE).target("3").load().migrate();
      execute(dataSource, "INSERT INTO audit_log (org_id, actor, action, target, outcome, at)"
          + " VALUES ('acme', 'alice', 'upload', 'x', 'ALLOWED', now()), ('acme', 'bob', 'delete', 'x', 'DENIED', now())");
      long legacy = count(dataSource, "SELECT max(id) FROM audit_log");

      try (JdbcCatalog catalog = JdbcCatalog.create(dataSource)) {
        OrgId acme = OrgId.of("acme");
        AuditHead head = catalog.read(s -> s.audit().head(acme)).orElseThrow();
        assertThat(head).isEqualTo(new AuditHead(legacy, AuditHashes.GENESIS, legacy));
        catalog.inTransaction(s -> {
          s.audit().append(new AuditRecord(acme, TestData.ALICE, "upload", "y", AuditOutcome.ALLOWED, Map.of(),
              TestData.T0));
          return acme;
        });
        List<AuditLink> chain = catalog.read(s -> s.audit().chain(acme, 0, 10));

        assertThat(chain).extracting(AuditLink::prevHash).containsExactly("", "", AuditHashes.GENESIS);
        assertThat(chain.get(0).entry().hash()).isEmpty();
        assertThat(catalog.read(s -> s.audit().head(acme)).orElseThrow().chainStart()).isEqualTo(legacy);
      }
    }
  }

  static void execute(DataSource dataSource, String sql) throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  static long count(DataSource dataSource, String sql) throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }
}
