package io.stockage.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresFixtureTest {
  @RegisterExtension
  static final PostgresExtension POSTGRES = new PostgresExtension();

  @Test
  void create_twice_databasesAreIsolated() throws SQLException {
    try (TestDatabase first = PostgresFixture.create(); TestDatabase second = PostgresFixture.create()) {
      assertThat(first.name()).isNotEqualTo(second.name()).startsWith("stockage_");
      execute(first, "CREATE TABLE t (v text)");
      execute(first, "INSERT INTO t VALUES ('only in first')");

      assertThat(query(first, "SELECT count(*) FROM t")).isEqualTo("1");
      assertThat(query(second, "SELECT count(*) FROM pg_tables WHERE tablename = 't'")).isEqualTo("0");
    }
  }

  @Test
  void close_withOpenSession_dropsDatabase() throws SQLException {
    TestDatabase database = PostgresFixture.create();
    String name = database.name();
    // A session outside the pool: close must disconnect it before dropping.
    try (Connection stray = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password())) {
      assertThat(exists(name)).isTrue();
      database.close();
      assertThat(exists(name)).isFalse();
      database.close();
    }
  }

  @Test
  void create_runsASupportedServer() throws SQLException {
    int version = Integer.parseInt(query(POSTGRES.database(), "SHOW server_version_num"));
    if (System.getenv(PostgresFixture.URL_ENV) == null) {
      assertThat(version).as("the embedded server").isBetween(170000, 179999);
    } else {
      assertThat(version).as("an external server").isGreaterThanOrEqualTo(150000);
    }
  }

  @Test
  void database_parameter_isTheClassDatabase(TestDatabase database) {
    assertThat(database).isSameAs(POSTGRES.database());
  }

  @Nested
  class Inner {
    @Test
    void database_nestedClass_sharesTheOuterDatabase(TestDatabase database) {
      assertThat(database).isSameAs(POSTGRES.database());
    }
  }

  @Test
  void toString_always_hidesPassword() {
    TestDatabase database = POSTGRES.database();
    assertThat(database.toString()).contains(database.name()).doesNotContain("password");
    assertThat(new ExternalServer("jdbc:postgresql://h/postgres?password=s3cret", "u", "s3cret").toString())
        .doesNotContain("s3cret");
  }

  @Test
  void withDatabase_urlWithHostsAndParameters_replacesOnlyTheDatabase() {
    assertThat(ExternalServer.withDatabase("jdbc:postgresql://a:5432,b:5433/postgres?ssl=true", "x"))
        .isEqualTo("jdbc:postgresql://a:5432,b:5433/x?ssl=true");
    assertThat(ExternalServer.withDatabase("jdbc:postgresql://localhost", "x"))
        .isEqualTo("jdbc:postgresql://localhost/x");
    assertThat(ExternalServer.withDatabase("jdbc:postgresql:postgres", "x")).isEqualTo("jdbc:postgresql:x");
  }

  private static boolean exists(String name) throws SQLException {
    try (Connection admin = PostgresFixture.server().admin();
        Statement statement = admin.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT count(*) FROM pg_database WHERE datname = '" + name + "'")) {
      rows.next();
      return rows.getInt(1) == 1;
    }
  }

  private static void execute(TestDatabase database, String sql) throws SQLException {
    try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static String query(TestDatabase database, String sql) throws SQLException {
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }
}
