package io.stockage.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The embedded PostgreSQL the starter runs: a password, loopback only, synchronous commits. */
class EmbeddedPostgresSecurityIT {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(EmbeddedPostgresAutoConfiguration.class));

  @TempDir
  Path dataDir;

  private static Connection connect(int port, String password) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", "postgres");
    if (password != null) {
      props.setProperty("password", password);
    }
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", props);
  }

  private static String show(Connection c, String setting) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SHOW " + setting)) {
      rows.next();
      return rows.getString(1);
    }
  }

  @Test
  void embeddedPostgres_refusesAConnectionWithoutThePassword() {
    runner.withPropertyValues("stockage.data-dir=" + dataDir).run(context -> {
      assertThat(context).hasNotFailed();
      int port = context.getBean(EmbeddedPostgres.class).getPort();
      Path file = dataDir.resolve("postgres.password");
      assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
      String password = Files.readString(file).strip();
      assertThat(password).hasSizeGreaterThanOrEqualTo(43);

      assertThatThrownBy(() -> connect(port, null).close()).isInstanceOf(SQLException.class);
      assertThatThrownBy(() -> connect(port, "wrong").close()).isInstanceOf(SQLException.class)
          .hasMessageContaining("password authentication failed");
      try (Connection c = connect(port, password)) {
        assertThat(show(c, "listen_addresses")).isEqualTo("127.0.0.1");
        assertThat(show(c, "synchronous_commit")).isEqualTo("on");
      }
      try (Connection c = context.getBean(javax.sql.DataSource.class).getConnection()) {
        assertThat(show(c, "password_encryption")).isEqualTo("scram-sha-256");
      }
    });
    // A second start reads the same password.
    runner.withPropertyValues("stockage.data-dir=" + dataDir).run(context -> assertThat(context).hasNotFailed());
  }

  @Test
  void clusterMadeBeforePasswords_isGivenOneAtItsNextStart() throws Exception {
    Path pg = dataDir.resolve("postgres");
    Files.createDirectories(pg);
    try (EmbeddedPostgres legacy = EmbeddedPostgres.builder().setDataDirectory(pg).setCleanDataDirectory(false).start()) {
      try (Connection c = legacy.getPostgresDatabase().getConnection()) {
        assertThat(c.isValid(1)).as("trust: no password needed").isTrue();
      }
    }
    runner.withPropertyValues("stockage.data-dir=" + dataDir).run(context -> {
      assertThat(context).hasNotFailed();
      int port = context.getBean(EmbeddedPostgres.class).getPort();
      assertThatThrownBy(() -> connect(port, null).close()).isInstanceOf(SQLException.class);
      try (Connection c = context.getBean(javax.sql.DataSource.class).getConnection()) {
        assertThat(c.isValid(1)).isTrue();
      }
    });
  }
}
