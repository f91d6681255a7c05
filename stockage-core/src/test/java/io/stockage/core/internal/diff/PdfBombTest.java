package io.stockage.core.internal.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.Diff;
import io.stockage.ItemId;
import io.stockage.testkit.Samples;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/**
 * A PDF whose page content is a deflate bomb (a few hundred KiB that inflate to 400 MB): its diff
 * ends, with PDFBox's temporary files within their bound (PDFBox 3 streams a content stream as it
 * parses it; what it caches goes through the bounded scratch).
 */
public class PdfBombTest {
  private static final ItemId ITEM = ItemId.random();

  @Test
  void diff_deflateBombPdf_staysWithinItsScratchBound() throws Exception {
    DiffLimits limits = new DiffLimits(1 << 20, 20_000, 200, Duration.ofSeconds(60));
    byte[] bomb = bombPdf(400L << 20);
    assertThat(bomb.length).isLessThan(2 << 20);
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    long before = scratch(tmp);
    AtomicLong peak = new AtomicLong();
    AtomicBoolean done = new AtomicBoolean();
    Thread watcher = new Thread(() -> {
      while (!done.get()) {
        peak.accumulateAndGet(scratch(tmp) - before, Math::max);
        Thread.onSpinWait();
      }
    });
    watcher.start();
    Diff diff;
    try {
      diff = RevisionDiffer.create(limits).diff(ITEM, Sides.of(1, "application/pdf", Samples.pdf("small")).side,
          Sides.of(2, "application/pdf", bomb).side);
    } finally {
      done.set(true);
      watcher.join();
    }
    // The bomb has no text: the small side's line is reported removed.
    assertThat(diff.hunks()).isNotEmpty();
    // The copy of the document (small) plus PDFBox's scratch: at most 9 × maxBytes.
    assertThat(peak.get()).as("temporary bytes at once").isLessThanOrEqualTo(limits.maxBytes()
        * (PdfText.SCRATCH_FACTOR + 1) + bomb.length);
  }

  /** The bytes of PDFBox's and the diff's temporary files. */
  private static long scratch(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> {
        String name = p.getFileName().toString();
        return name.startsWith("PDFBox") || name.startsWith("stockage-diff-");
      }).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException gone) {
          return 0;
        }
      }).sum();
    } catch (IOException e) {
      return 0;
    }
  }

  /** A one-page PDF whose content stream inflates to {@code inflated} bytes of spaces. */
  public static byte[] bombPdf(long inflated) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    byte[] spaces = new byte[1 << 20];
    java.util.Arrays.fill(spaces, (byte) ' ');
    byte[] out = new byte[64 * 1024];
    for (long left = inflated; left > 0; left -= spaces.length) {
      deflater.setInput(spaces, 0, (int) Math.min(spaces.length, left));
      while (!deflater.needsInput()) {
        compressed.write(out, 0, deflater.deflate(out));
      }
    }
    deflater.finish();
    while (!deflater.finished()) {
      compressed.write(out, 0, deflater.deflate(out));
    }
    byte[] stream = compressed.toByteArray();
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    long[] offsets = new long[5];
    write(pdf, "%PDF-1.4\n");
    offsets[1] = pdf.size();
    write(pdf, "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n");
    offsets[2] = pdf.size();
    write(pdf, "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n");
    offsets[3] = pdf.size();
    write(pdf, "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >> endobj\n");
    offsets[4] = pdf.size();
    write(pdf, "4 0 obj << /Length " + stream.length + " /Filter /FlateDecode >> stream\n");
    pdf.writeBytes(stream);
    write(pdf, "\nendstream endobj\n");
    long xref = pdf.size();
    write(pdf, "xref\n0 5\n0000000000 65535 f \n");
    for (int i = 1; i <= 4; i++) {
      write(pdf, String.format("%010d 00000 n \n", offsets[i]));
    }
    write(pdf, "trailer << /Size 5 /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n");
    return pdf.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
  }
}
