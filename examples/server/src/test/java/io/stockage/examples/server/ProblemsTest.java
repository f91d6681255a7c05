package io.stockage.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.ErrorKind;
import io.stockage.StockageException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

class ProblemsTest {
  private final Problems problems = new Problems();

  @Test
  void unexpected_neverEchoesItsCause() {
    StockageException e = StockageException.of(ErrorKind.UNEXPECTED,
        "ERROR: duplicate key value violates unique constraint \"blobs_mount_key_uq\" in SELECT * FROM blobs",
        new IllegalStateException("at io.stockage.jdbc.internal.JdbcBlobRecords"));
    ProblemDetail problem = problems.stockage(e);
    assertThat(problem.getStatus()).isEqualTo(500);
    assertThat(problem.getDetail()).doesNotContain("SELECT", "blobs", "constraint", "jdbc").contains("incident");
    assertThat(problem.getProperties()).containsEntry("kind", "UNEXPECTED");
  }

  @Test
  void aBugsRuntimeException_isA500WithoutItsText() {
    ProblemDetail problem = problems.unexpected(new NullPointerException("Cannot invoke \"String.length()\""));
    assertThat(problem.getStatus()).isEqualTo(500);
    assertThat(problem.getDetail()).doesNotContain("String.length");
  }

  @Test
  void clientErrors_keepTheirDetail() {
    ProblemDetail problem = problems.stockage(StockageException.of(ErrorKind.INVALID_ARGUMENT, "no such folder"));
    assertThat(problem.getStatus()).isEqualTo(400);
    assertThat(problem.getDetail()).isEqualTo("no such folder");
  }

  @Test
  void resyncRequired_isGone() {
    ProblemDetail problem = problems.stockage(StockageException.of(ErrorKind.RESYNC_REQUIRED, "read again"));
    assertThat(problem.getStatus()).isEqualTo(410);
    assertThat(problem.getProperties()).containsEntry("kind", "RESYNC_REQUIRED");
  }
}
