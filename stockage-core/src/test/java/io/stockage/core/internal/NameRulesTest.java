package io.stockage.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stockage.ErrorKind;
import io.stockage.PolicyReason;
import io.stockage.StockageException;
import io.stockage.UploadPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class NameRulesTest {

  @ParameterizedTest
  @ValueSource(strings = {"../../etc/passwd", "a/b", "", " ", ".", "..", "a\\b", "nul\u0000.pdf", "tab\t.pdf",
      "bell\u0007.pdf", "half\ud800.pdf"})
  void normalize_forbiddenName_isInvalidName(String name) {
    assertThatThrownBy(() -> NameRules.normalize(name))
        .isInstanceOfSatisfying(StockageException.class, e -> {
          assertThat(e.kind()).isEqualTo(ErrorKind.POLICY_VIOLATION);
          assertThat(e.reason()).contains(PolicyReason.INVALID_NAME);
        });
  }

  @Test
  void normalize_300Bytes_isInvalidName() {
    assertThatThrownBy(() -> NameRules.normalize("a".repeat(296) + ".pdf"))
        .isInstanceOfSatisfying(StockageException.class,
            e -> assertThat(e.reason()).contains(PolicyReason.INVALID_NAME));
  }

  @Test
  void normalize_255MultibyteBytes_isAccepted() {
    String name = "é".repeat(125) + ".pdf"; // 250 + 4 bytes
    assertThat(NameRules.normalize(name)).isEqualTo(name);
  }

  @Test
  void normalize_decomposedAccent_becomesNfc() {
    assertThat(NameRules.normalize("plan-e\u0301te\u0301.pdf")).isEqualTo("plan-\u00e9t\u00e9.pdf");
  }

  @Test
  void fileName_extensionNotAllowed_isTypeNotAllowed() {
    assertThatThrownBy(() -> NameRules.fileName("setup.exe", UploadPolicy.defaults()))
        .isInstanceOfSatisfying(StockageException.class,
            e -> assertThat(e.reason()).contains(PolicyReason.TYPE_NOT_ALLOWED));
  }

  @Test
  void fileName_upperCaseExtension_isAllowed() {
    assertThat(NameRules.fileName("PLAN.PDF", UploadPolicy.defaults())).isEqualTo("PLAN.PDF");
  }
}
