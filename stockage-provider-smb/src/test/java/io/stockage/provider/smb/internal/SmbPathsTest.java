package io.stockage.provider.smb.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.stockage.ErrorKind;
import io.stockage.PolicyReason;
import io.stockage.StockageException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keys to share paths, and Windows' name rules. */
class SmbPathsTest {
  private final SmbPaths paths = new SmbPaths("live/root");

  @Test
  void file_key_becomesABackslashPathUnderTheRoot() {
    assertThat(paths.file("a/b/c.pdf")).isEqualTo("live\\root\\a\\b\\c.pdf");
    assertThat(new SmbPaths("").file("a/b")).isEqualTo("a\\b");
    assertThat(paths.folder("")).isEqualTo("live\\root");
  }

  @Test
  void file_malformedKey_isInvalidArgument() {
    for (String bad : List.of("", "../x", "a/../../x", "/abs", "a//b", "a/", "./x", "a\\b", "nul\u0000")) {
      assertThat(catchThrowableOfType(StockageException.class, () -> paths.file(bad)).kind())
          .as("kind for '%s'", bad).isEqualTo(ErrorKind.INVALID_ARGUMENT);
    }
  }

  @Test
  void file_windowsForbiddenName_isPolicyViolationInvalidName() {
    for (String bad : List.of("CON", "prn.txt", "Aux", "NUL.tar.gz", "com1", "COM9.log", "lpt1", "LPT9", "con .txt",
        "a<b", "a>b", "a:b", "a\"b", "a|b", "a?b", "a*b", "end.", "end ", "CON/x", "ok/dir./x", "n".repeat(256),
        "é".repeat(128))) {
      StockageException e = catchThrowableOfType(StockageException.class, () -> paths.file("d/" + bad));
      assertThat(e).as("refusal of '%s'", bad).isNotNull();
      assertThat(e.kind()).as("kind for '%s'", bad).isEqualTo(ErrorKind.POLICY_VIOLATION);
      assertThat(e.reason()).contains(PolicyReason.INVALID_NAME);
    }
  }

  @Test
  void file_nearMisses_areAccepted() {
    for (String ok : List.of("console", "COM10", "COM0", "LPT", "CONx.txt", "xCON", ".hidden", "a.b", " lead",
        "n".repeat(255), "é".repeat(127), "日本語", "emoji-😀")) {
      assertThat(paths.file("d/" + ok)).endsWith("\\" + ok);
    }
  }

  @Test
  void parentNameChild_walkThePath() {
    assertThat(SmbPaths.parent("a\\b\\c")).isEqualTo("a\\b");
    assertThat(SmbPaths.parent("c")).isEmpty();
    assertThat(SmbPaths.name("a\\b\\c")).isEqualTo("c");
    assertThat(SmbPaths.child("", "x")).isEqualTo("x");
    assertThat(SmbPaths.child("a", "x")).isEqualTo("a\\x");
    String temp = SmbPaths.temporaryBeside("a\\b\\c");
    assertThat(SmbPaths.parent(temp)).isEqualTo("a\\b");
    assertThat(SmbPaths.isTemporary(SmbPaths.name(temp))).isTrue();
    assertThat(paths.isRootOrAbove("live\\root")).isTrue();
    assertThat(paths.isRootOrAbove("live\\root\\a")).isFalse();
  }
}
