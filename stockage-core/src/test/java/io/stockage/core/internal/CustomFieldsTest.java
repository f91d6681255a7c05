package io.stockage.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stockage.ErrorKind;
import io.stockage.FieldDefinition;
import io.stockage.FieldType;
import io.stockage.StockageException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CustomFieldsTest {
  private static final List<FieldDefinition> DEFINITIONS = List.of(
      FieldDefinition.optional("n", FieldType.NUMBER),
      FieldDefinition.optional("d", FieldType.DATE),
      new FieldDefinition("r", FieldType.BOOLEAN, true, List.of()));

  @Test
  void validate_numbers_becomeLongWhenIntegralAndInRangeElseDouble() {
    assertThat(number(new AtomicLong(5))).isEqualTo(5L);
    assertThat(number(-0.0)).isEqualTo(0L);
    assertThat(number(1.1f)).isEqualTo(1.1);
    assertThat(number(BigInteger.TWO.pow(63))).isEqualTo(Math.pow(2, 63));
    assertThat(number(BigInteger.TWO.pow(63).subtract(BigInteger.ONE))).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void validate_date_isKeptInItsIsoForm() {
    assertThat(CustomFields.validate(DEFINITIONS, Map.of("d", "2026-01-05", "r", true))).containsEntry("d", "2026-01-05");
  }

  @Test
  void validate_severalProblems_namesTheFirstFieldByName() {
    assertThatThrownBy(() -> CustomFields.validate(DEFINITIONS, Map.of("z", 1, "b", 2, "r", true)))
        .isInstanceOfSatisfying(StockageException.class, e -> {
          assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
          assertThat(e.detail()).isEqualTo("custom field b is not a custom field of the organization");
        });
  }

  @Test
  void validate_unknownNameWithControlCharacters_isShownPrintable() {
    assertThatThrownBy(() -> CustomFields.validate(DEFINITIONS, Map.of("a\nb", 1, "r", true)))
        .isInstanceOfSatisfying(StockageException.class, e -> assertThat(e.detail()).contains("a?b"));
  }

  private static Object number(Object value) {
    return CustomFields.validate(DEFINITIONS, Map.of("n", value, "r", true)).get("n");
  }
}
