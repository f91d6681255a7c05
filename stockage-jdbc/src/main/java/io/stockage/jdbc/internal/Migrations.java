package io.stockage.jdbc.internal;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Brings the Stockage tables to the current version with Flyway. Stockage keeps its own history
 * table, {@value #HISTORY_TABLE}, so a host's own Flyway migrations (in
 * {@code flyway_schema_history}) are neither seen nor disturbed. Concurrent migrations are
 * serialized by Flyway's PostgreSQL advisory lock.
 */
public final class Migrations {
  /** The Flyway history table of the Stockage schema. */
  public static final String HISTORY_TABLE = "stockage_schema_history";
  /** Where the migrations are on the class path. */
  public static final String LOCATION = "classpath:db/stockage/migration";

  private Migrations() {}

  /**
   * Applies the pending migrations; does nothing when the schema is current.
   *
   * @throws io.stockage.StockageException {@code UNAVAILABLE} when the database cannot be reached,
   *     {@code UNEXPECTED} when a migration fails
   */
  public static void migrate(DataSource dataSource) {
    try {
      Flyway.configure(Migrations.class.getClassLoader())
          .dataSource(dataSource)
          .locations(LOCATION)
          .table(HISTORY_TABLE)
          // The schema usually holds the host's tables already: without this Flyway refuses a
          // non-empty schema that has no history table. Baseline 0 still applies V1.
          .baselineOnMigrate(true)
          .baselineVersion("0")
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw JdbcErrors.migrationFailed(e);
    }
  }
}
