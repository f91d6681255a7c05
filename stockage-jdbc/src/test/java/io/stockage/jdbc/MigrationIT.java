package io.stockage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.testkit.PostgresExtension;
import io.stockage.testkit.PostgresFixture;
import io.stockage.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
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
