package io.stockage.core.internal;

import io.stockage.ErrorKind;
import io.stockage.FieldDefinition;
import io.stockage.FieldType;
import io.stockage.StockageException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Validates an item's custom field values against its organization's definitions, and puts them
 * in the form the catalog returns them in: {@code TEXT} a string of at most {@value #MAX_TEXT}
 * characters; {@code NUMBER} any finite {@link Number}, kept as a {@code Long} when it is integral
 * and fits, else as a {@code Double}; {@code BOOLEAN} a {@code Boolean}; {@code DATE} an ISO-8601
 * date string ({@link LocalDate#parse}); {@code CHOICE} one of the definition's choices. Every
 * refusal is {@code INVALID_ARGUMENT} naming the field, never quoting its value.
 */
public final class CustomFields {
  /** Longest {@code TEXT} value or choice, in characters (code points). */
  public static final int MAX_TEXT = 1000;

  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  private CustomFields() {}

  /**
   * The values, checked and normalized. A field the organization does not define, a value of the
   * wrong type, and a required field without a value are refused.
   *
   * @throws StockageException {@code INVALID_ARGUMENT}
   */
  public static Map<String, Object> validate(List<FieldDefinition> definitions, Map<String, Object> values) {
    Map<String, FieldDefinition> byName = new HashMap<>();
    definitions.forEach(d -> byName.put(d.name(), d));
    Map<String, Object> checked = new TreeMap<>();
    // Sorted, so that the field an error names does not depend on hash order.
    new TreeMap<>(values).forEach((name, value) -> {
      FieldDefinition definition = byName.get(name);
      if (definition == null) {
        throw invalid(shown(name), "is not a custom field of the organization");
      }
      checked.put(name, value(definition, value));
    });
    for (FieldDefinition definition : definitions) {
      if (definition.required() && !checked.containsKey(definition.name())) {
        throw invalid(definition.name(), "is required");
      }
    }
    return Map.copyOf(checked);
  }

  /**
   * Checks what {@link FieldDefinition} itself does not: that its choices can be stored.
   *
   * @throws StockageException {@code INVALID_ARGUMENT}
   */
  public static void checkDefinition(FieldDefinition definition) {
    for (String choice : definition.choices()) {
      if (choice.isEmpty() || Texts.length(choice) > MAX_TEXT || !Texts.storable(choice)) {
        throw invalid(definition.name(), "has a choice that is empty, longer than " + MAX_TEXT
            + " characters, or holds NUL or an unpaired surrogate");
      }
    }
  }

  private static Object value(FieldDefinition definition, Object value) {
    String name = definition.name();
    return switch (definition.type()) {
      case TEXT -> text(name, value);
      case NUMBER -> number(name, value);
      case BOOLEAN -> {
        if (!(value instanceof Boolean)) {
          throw wrongType(definition, value);
        }
        yield value;
      }
      case DATE -> date(definition, value);
      case CHOICE -> {
        if (!(value instanceof String s) || !definition.choices().contains(s)) {
          throw invalid(name, "must be one of its " + definition.choices().size() + " choices");
        }
        yield s;
      }
    };
  }

  private static String text(String name, Object value) {
    if (!(value instanceof String s)) {
      throw invalid(name, "is a TEXT field: its value is a String, not a " + typeOf(value));
    }
    if (Texts.length(s) > MAX_TEXT) {
      throw invalid(name, "is at most " + MAX_TEXT + " characters, not " + Texts.length(s));
    }
    if (!Texts.storable(s)) {
      throw invalid(name, "cannot hold NUL or an unpaired surrogate");
    }
    return s;
  }

  private static String date(FieldDefinition definition, Object value) {
    if (!(value instanceof String s)) {
      throw wrongType(definition, value);
    }
    try {
      return LocalDate.parse(s).toString();
    } catch (DateTimeParseException e) {
      throw invalid(definition.name(), "is a DATE field: its value is an ISO-8601 date such as 2026-11-23");
    }
  }

  private static Number number(String name, Object value) {
    BigDecimal exact = exact(value).orElseThrow(() -> invalid(name,
        "is a NUMBER field: its value is a finite Number, not a " + typeOf(value)));
    BigDecimal stripped = exact.stripTrailingZeros();
    if (stripped.scale() <= 0 && stripped.compareTo(LONG_MIN) >= 0 && stripped.compareTo(LONG_MAX) <= 0) {
      return stripped.longValueExact();
    }
    double d = exact.doubleValue();
    if (Double.isInfinite(d)) {
      throw invalid(name, "is out of the range of a double");
    }
    return d;
  }

  // The exact decimal value of a finite number; empty for NaN, infinities and non-numbers.
  private static Optional<BigDecimal> exact(Object value) {
    if (value instanceof BigDecimal d) {
      return Optional.of(d);
    }
    if (value instanceof BigInteger b) {
      return Optional.of(new BigDecimal(b));
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      // Float.toString keeps the float's shortest decimal form (1.1f is 1.1, not 1.100000023...).
      return Double.isFinite(d) ? Optional.of(new BigDecimal(value.toString()))
          : Optional.empty();
    }
    if (value instanceof Number n) {
      try {
        return Optional.of(new BigDecimal(n.toString()));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static StockageException wrongType(FieldDefinition definition, Object value) {
    String expected = definition.type() == FieldType.BOOLEAN ? "a Boolean" : "a String";
    return invalid(definition.name(), "is a " + definition.type() + " field: its value is " + expected
        + ", not a " + typeOf(value));
  }

  private static String typeOf(Object value) {
    return value.getClass().getSimpleName();
  }

  // A name from the caller shown in a message: printable, and not longer than a field name can be.
  private static String shown(String name) {
    String printable = name.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    return printable.length() > 64 ? printable.substring(0, 64) + "..." : printable;
  }

  private static StockageException invalid(String field, String why) {
    return StockageException.of(ErrorKind.INVALID_ARGUMENT, "custom field " + field + " " + why);
  }
}
