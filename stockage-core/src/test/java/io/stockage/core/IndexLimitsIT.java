package io.stockage.core;

import static io.stockage.core.EngineFixture.BOB;
import static io.stockage.core.EngineFixture.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.Item;
import io.stockage.PageRequest;
import io.stockage.Project;
import io.stockage.SearchQuery;
import io.stockage.Upload;
import io.stockage.core.internal.diff.PdfBombTest;
import io.stockage.testkit.Samples;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and huge documents through the indexing worker: the upload never fails, the job ends
 * within the extraction limits, the item is still found by its name, and what stopped extraction
 * is recorded on its document.
 */
class IndexLimitsIT {
  @TempDir
  Path root;

  private EngineFixture fx;
  private Project project;

  @BeforeEach
  void start() {
    fx = EngineFixture.start(root, UnaryOperator.identity(),
        builder -> builder.indexing(false, Duration.ofSeconds(1), Duration.ofMinutes(5)));
    project = fx.project();
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  @Test
  void deflateBombAndDeepNesting_endWithinTheLimitsAndAreFoundByName() {
    Item bomb = fx.upload(BOB, project, "bomb.pdf", PdfBombTest.bombPdf(400L << 20));
    Item nested = fx.upload(BOB, project, "nested.pdf", nestedPdf(200_000));

    long start = System.nanoTime();
    index();
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;

    assertThat(seconds).as("both jobs end within the 30-second extraction limit each").isLessThan(70);
    assertThat(found("bomb")).contains(bomb.id().toString());
    assertThat(found("nested")).contains(nested.id().toString());
    assertThat(fx.count("SELECT count(*) FROM index_jobs")).as("no job left, none failed for good").isZero();
    assertThat(fx.count("SELECT count(*) FROM search_documents WHERE item_id IN (?, ?)", bomb.id().value(),
        nested.id().value())).as("both have a document").isEqualTo(2);
  }

  @Test
  void textHeavyPdfOf150MB_indexedInPartWithinTheTextLimit() throws IOException {
    Path pdf = root.resolve("heavy.pdf");
    long size = textHeavyPdf(pdf, 140L << 20);
    Item heavy;
    try (InputStream in = Files.newInputStream(pdf)) {
      heavy = fx.engine.files().upload(BOB, Upload.of(project.slug(), "heavy.pdf", in).withDeclaredSize(size));
    }

    index();

    assertThat(found("abutment")).as("found by a word of its first pages").contains(heavy.id().toString());
    assertThat(fx.count("SELECT length(body) FROM search_documents WHERE item_id = ?", heavy.id().value()))
        .as("the snippet source is capped").isLessThanOrEqualTo(64 * 1024);
    assertThat(fx.count("SELECT count(*) FROM search_documents WHERE item_id = ? AND error LIKE '%limits%'",
        heavy.id().value())).as("indexed in part, and said so").isEqualTo(1);
  }

  private void index() {
    while (fx.engine.indexer().runOnce() > 0) {
      // until the queue is empty
    }
  }

  private List<String> found(String text) {
    return fx.engine.search().search(CAROL, SearchQuery.of(text), PageRequest.first(10)).page().items().stream()
        .map(h -> h.item().id().toString()).toList();
  }

  /** A PDF whose page dictionary holds arrays nested {@code depth} deep. */
  private static byte[] nestedPdf(int depth) {
    String nest = "[".repeat(depth) + "]".repeat(depth);
    String[] objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Nest " + nest + " >>",
        "<< /Length 0 >>\nstream\n\nendstream"};
    return Samples.pdfOf(objects);
  }

  /**
   * A valid PDF of about {@code size} bytes: pages of uncompressed text lines (the words of a
   * bridge survey), written as it is generated. Returns its size.
   */
  static long textHeavyPdf(Path file, long size) throws IOException {
    String line = "BT /F1 9 Tf 20 %d Td (abutment pier girder deck survey load span %d) Tj ET\n";
    StringBuilder content = new StringBuilder();
    for (int y = 0; content.length() < 100_000; y++) {
      content.append(String.format(line, 780 - (y % 90) * 8, y));
    }
    byte[] stream = content.toString().getBytes(StandardCharsets.US_ASCII);
    int pages = (int) Math.max(1, size / (stream.length + 200));
    List<Long> offsets = new ArrayList<>();
    long written = 0;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      written += put(out, "%PDF-1.4\n");
      int font = 3 + 2 * pages;
      offsets.add(written);
      written += put(out, "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n");
      offsets.add(written);
      StringBuilder kids = new StringBuilder();
      for (int p = 0; p < pages; p++) {
        kids.append(3 + 2 * p).append(" 0 R ");
      }
      written += put(out, "2 0 obj << /Type /Pages /Kids [" + kids + "] /Count " + pages + " >> endobj\n");
      for (int p = 0; p < pages; p++) {
        offsets.add(written);
        written += put(out, (3 + 2 * p) + " 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents "
            + (4 + 2 * p) + " 0 R /Resources << /Font << /F1 " + font + " 0 R >> >> >> endobj\n");
        offsets.add(written);
        written += put(out, (4 + 2 * p) + " 0 obj << /Length " + stream.length + " >> stream\n");
        out.write(stream);
        written += stream.length;
        written += put(out, "\nendstream endobj\n");
      }
      offsets.add(written);
      written += put(out, font + " 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n");
      long xref = written;
      StringBuilder table = new StringBuilder("xref\n0 " + (offsets.size() + 1) + "\n0000000000 65535 f \n");
      for (long offset : offsets) {
        table.append(String.format("%010d 00000 n \n", offset));
      }
      table.append("trailer << /Size ").append(offsets.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
          .append(xref).append("\n%%EOF\n");
      written += put(out, table.toString());
    }
    return written;
  }

  private static long put(OutputStream out, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    out.write(bytes);
    return bytes.length;
  }
}
