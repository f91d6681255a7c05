package io.stockage;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A custom field of an organization's items (seed 003's {@code custom_fields}): values written to
 * an item are validated against the definitions of its organization.
 *
 * @param name field name: letters, digits, {@code _} and {@code -}, 1 to 64 characters
 * @param type the type of its values
 * @param required whether every write of an item's custom fields must give it a value
 * @param choices the allowed values of a {@link FieldType#CHOICE} field; empty otherwise
 */
public record FieldDefinition(String name, FieldType type, boolean required, List<String> choices) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  /** Validates and copies. */
  public FieldDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    choices = List.copyOf(choices);
    if (!NAME.matcher(name).matches()) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT,
          "a field name is 1 to 64 letters, digits, '_' or '-': " + name);
    }
    if ((type == FieldType.CHOICE) == choices.isEmpty()) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT,
          "field " + name + ": choices are required for CHOICE fields and only for them");
    }
  }

  /** An optional field of the given type (not {@code CHOICE}). */
  public static FieldDefinition optional(String name, FieldType type) {
    return new FieldDefinition(name, type, false, List.of());
  }
}
