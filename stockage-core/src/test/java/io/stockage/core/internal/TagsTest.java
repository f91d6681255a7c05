package io.stockage.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stockage.ErrorKind;
import io.stockage.StockageException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TagsTest {

  @Test
  void normalize_variantsOfOneTag_becomeOne() {
    assertThat(Tags.normalize(Set.of(" Plan ", "PLAN", "plan\u3000"))).containsExactly("plan");
  }

  @Test
  void normalize_decomposedAndUpperCaseAccents_becomeNfcLowerCase() {
    assertThat(Tags.normalize(Set.of("E\u0301TE\u0301"))).containsExactly("\u00e9t\u00e9");
  }

  @Test
  void normalize_lowerCasing_doesNotDependOnTheDefaultLocale() {
    java.util.Locale before = java.util.Locale.getDefault();
    try {
      java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr"));
      assertThat(Tags.normalize(Set.of("TITLE"))).containsExactly("title");
    } finally {
      java.util.Locale.setDefault(before);
    }
  }

  @Test
  void normalize_64CharactersOfTwoUtf16Units_isAccepted() {
    String emoji = "\ud83d\udcc4".repeat(64);
    assertThat(Tags.normalize(Set.of(emoji))).containsExactly(emoji);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t", "a\tb", "a\u0000", "a\u0085b", "lone\udc00"})
  void normalize_blankOrControlOrBrokenTag_isInvalidArgument(String tag) {
    assertThatThrownBy(() -> Tags.normalize(Set.of(tag))).isInstanceOfSatisfying(StockageException.class,
        e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT));
  }

  @Test
  void normalize_65Characters_isInvalidArgument() {
    assertThatThrownBy(() -> Tags.normalize(Set.of("a".repeat(65)))).isInstanceOfSatisfying(StockageException.class,
        e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT));
  }
}
