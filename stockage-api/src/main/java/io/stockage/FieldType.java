package io.stockage;

/** The type of a custom field's values. */
public enum FieldType {
  /** Free text ({@code String}). */
  TEXT,
  /** A number ({@code Long} or {@code Double}). */
  NUMBER,
  /** {@code Boolean}. */
  BOOLEAN,
  /** An ISO-8601 date, {@code 2026-11-23} ({@code String}). */
  DATE,
  /** One of the definition's choices ({@code String}). */
  CHOICE
}
