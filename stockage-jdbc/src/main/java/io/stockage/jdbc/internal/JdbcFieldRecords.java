package io.stockage.jdbc.internal;

import io.stockage.FieldDefinition;
import io.stockage.FieldType;
import io.stockage.OrgId;
import io.stockage.spi.catalog.FieldRecords;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Custom field definitions in {@code custom_field_definitions}, one row per organization and
 * name; a {@code CHOICE} field's choices are a {@code jsonb} array of strings, NULL for the others.
 */
public final class JdbcFieldRecords implements FieldRecords {
  private final Handle handle;

  /** Records on the transaction's handle. */
  public JdbcFieldRecords(Handle handle) {
    this.handle = Objects.requireNonNull(handle, "handle");
  }

  @Override
  public List<FieldDefinition> list(OrgId org) {
    return handle.createQuery("SELECT name, type, required, CAST(choices AS text) AS choices"
            + " FROM custom_field_definitions WHERE org_id = :org ORDER BY name COLLATE \"C\"")
        .bind("org", org.value())
        .map(JdbcFieldRecords::definition)
        .list();
  }

  @Override
  public void put(OrgId org, FieldDefinition field) {
    handle.createUpdate("""
            INSERT INTO custom_field_definitions (org_id, name, type, required, choices)
            VALUES (:org, :name, :type, :required, CAST(:choices AS jsonb))
            ON CONFLICT (org_id, name) DO UPDATE
              SET type = EXCLUDED.type, required = EXCLUDED.required, choices = EXCLUDED.choices""")
        .bind("org", org.value())
        .bind("name", field.name())
        .bind("type", field.type().name())
        .bind("required", field.required())
        .bind("choices", Json.choices(field.choices()))
        .execute();
  }

  private static FieldDefinition definition(ResultSet rows, StatementContext ctx) throws SQLException {
    String name = rows.getString("name");
    String type = rows.getString("type");
    FieldType fieldType;
    try {
      fieldType = FieldType.valueOf(type);
    } catch (IllegalArgumentException e) {
      throw JdbcErrors.broken("custom field " + name + " has an unknown type " + type);
    }
    return new FieldDefinition(name, fieldType, rows.getBoolean("required"),
        Json.choices(Optional.ofNullable(rows.getString("choices"))));
  }
}
