package io.stockage.jdbc.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Conversions between column values and Java values. Times are bound and read as
 * {@link OffsetDateTime} in UTC so that the JVM's default time zone never takes part; PostgreSQL
 * keeps microseconds, so an {@link Instant} comes back truncated to them.
 */
public final class Rows {
  private Rows() {}

  /** The value to bind for a {@code timestamptz} column. */
  public static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  /** The value to bind for a nullable {@code timestamptz} column. */
  public static OffsetDateTime at(Optional<Instant> instant) {
    return instant.map(Rows::at).orElse(null);
  }

  /** A non-null {@code timestamptz} column. */
  public static Instant instant(ResultSet rows, String column) throws SQLException {
    return rows.getObject(column, OffsetDateTime.class).toInstant();
  }

  /** A nullable {@code timestamptz} column. */
  public static Optional<Instant> optionalInstant(ResultSet rows, String column) throws SQLException {
    return Optional.ofNullable(rows.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
  }

  /** A non-null {@code uuid} column. */
  public static UUID uuid(ResultSet rows, String column) throws SQLException {
    return rows.getObject(column, UUID.class);
  }

  /** A nullable {@code uuid} column. */
  public static Optional<UUID> optionalUuid(ResultSet rows, String column) throws SQLException {
    return Optional.ofNullable(rows.getObject(column, UUID.class));
  }

  /** A nullable {@code bigint} column. */
  public static OptionalLong optionalLong(ResultSet rows, String column) throws SQLException {
    long value = rows.getLong(column);
    return rows.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
  }
}
