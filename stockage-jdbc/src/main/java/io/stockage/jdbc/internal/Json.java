package io.stockage.jdbc.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of {@code jsonb} columns (custom field values, field choices), through Jackson. Values
 * are strings, booleans and numbers. PostgreSQL keeps a {@code jsonb} number as {@code numeric},
 * so {@code 2.0}, {@code 2} and {@code 2e0} are told apart only by how they are written; a number
 * therefore comes back as {@code Long} when its value is integral and fits in a long, else as a
 * {@code Double}, whatever Java type it was written from.
 */
public final class Json {
  // Decimals are read exactly, so that an integral value beyond 2^53 is not rounded on its way.
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();
  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
  private static final String FOREIGN = "\u0000";

  private Json() {}

  /**
   * The JSON object of custom field values, keys in order.
   *
   * @throws io.stockage.StockageException {@code INVALID_ARGUMENT} for a value that is not a
   *     string, boolean or finite number
   */
  public static String fields(Map<String, Object> values) {
    ObjectNode object = MAPPER.createObjectNode();
    new TreeMap<>(values).forEach((name, value) -> {
      if (value instanceof String s) {
        object.put(name, s);
      } else if (value instanceof Boolean b) {
        object.put(name, b);
      } else {
        Number n = finite(value).orElseThrow(() -> JdbcErrors.invalidValue(name, value));
        if (n instanceof Long l) {
          object.put(name, l);
        } else {
          object.put(name, n.doubleValue());
        }
      }
    });
    return write(object);
  }

  /** The members of a JSON object the database built, in its order; numbers as {@code Long} or {@code BigDecimal}. */
  public static Map<String, Object> ordered(String json) {
    JsonNode object = read(json);
    Map<String, Object> values = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> member : object.properties()) {
      JsonNode node = member.getValue();
      values.put(member.getKey(), node.isNumber() ? number(node.decimalValue()) : node.asString());
    }
    return values;
  }

  /** The custom field values of a stored JSON object; {@code null} members are left out. */
  public static Map<String, Object> fields(String json) {
    JsonNode object = read(json);
    if (!object.isObject()) {
      throw JdbcErrors.broken("custom fields are not a JSON object");
    }
    Map<String, Object> values = new HashMap<>();
    for (Map.Entry<String, JsonNode> member : object.properties()) {
      JsonNode node = member.getValue();
      if (node.isString()) {
        values.put(member.getKey(), node.stringValue());
      } else if (node.isBoolean()) {
        values.put(member.getKey(), node.booleanValue());
      } else if (node.isNumber()) {
        values.put(member.getKey(), number(node.decimalValue()));
      } else if (!node.isNull()) {
        throw JdbcErrors.broken("custom field " + member.getKey() + " holds a JSON " + node.getNodeType());
      }
    }
    return values;
  }

  /**
   * The audit details of a stored JSON object of strings. A member that is not a string, or a
   * stored value that is not an object, was not written by Stockage: it reads as a text starting
   * with NUL, which no stored text can hold (PostgreSQL rejects it), so the row's hash cannot match
   * and verification reports the row instead of failing on it.
   */
  public static Map<String, String> strings(String json) {
    JsonNode object = read(json);
    if (!object.isObject()) {
      return Map.of(FOREIGN, json);
    }
    Map<String, String> values = new TreeMap<>();
    for (Map.Entry<String, JsonNode> member : object.properties()) {
      JsonNode node = member.getValue();
      values.put(member.getKey(), node.isString() ? node.stringValue() : FOREIGN + node);
    }
    return values;
  }

  /**
   * The rows of a JSON array of arrays (what {@code json_agg(json_build_array(...))} makes), each
   * value as text; empty for SQL NULL ({@code json_agg} of no rows).
   */
  public static List<List<String>> rows(String json) {
    if (json == null) {
      return List.of();
    }
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode row : read(json).values()) {
      List<String> values = new ArrayList<>();
      row.values().forEach(value -> values.add(value.asString()));
      rows.add(values);
    }
    return rows;
  }

  /** The JSON array of a field's choices, or {@code null} (SQL NULL) when there are none. */
  public static String choices(List<String> choices) {
    if (choices.isEmpty()) {
      return null;
    }
    ArrayNode array = MAPPER.createArrayNode();
    choices.forEach(array::add);
    return write(array);
  }

  /** The choices of a stored JSON array; empty for SQL NULL. */
  public static List<String> choices(Optional<String> json) {
    if (json.isEmpty()) {
      return List.of();
    }
    JsonNode array = read(json.get());
    if (!array.isArray()) {
      throw JdbcErrors.broken("field choices are not a JSON array");
    }
    List<String> choices = new ArrayList<>();
    array.values().forEach(node -> choices.add(node.asString()));
    return choices;
  }

  /** A {@code Long} when the value is integral and fits, else a {@code Double}. */
  static Number number(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    if (stripped.scale() <= 0 && stripped.compareTo(LONG_MIN) >= 0 && stripped.compareTo(LONG_MAX) <= 0) {
      return stripped.longValueExact();
    }
    return value.doubleValue();
  }

  // A Long or a finite Double of the same value; empty for anything else (NaN, 1e400, a String).
  private static Optional<Number> finite(Object value) {
    BigDecimal exact;
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      exact = BigDecimal.valueOf(((Number) value).longValue());
    } else if (value instanceof BigInteger b) {
      exact = new BigDecimal(b);
    } else if (value instanceof BigDecimal d) {
      exact = d;
    } else if ((value instanceof Double || value instanceof Float) && Double.isFinite(((Number) value).doubleValue())) {
      exact = new BigDecimal(value.toString());
    } else {
      return Optional.empty();
    }
    Number n = number(exact);
    return n instanceof Double d && d.isInfinite() ? Optional.empty() : Optional.of(n);
  }

  private static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JacksonException e) {
      throw JdbcErrors.unreadable("cannot write JSON", e);
    }
  }

  private static JsonNode read(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw JdbcErrors.unreadable("cannot read stored JSON", e);
    }
  }
}
