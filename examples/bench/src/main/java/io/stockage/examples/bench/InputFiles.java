package io.stockage.examples.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;

/**
 * Writes the files the benchmark copies: well-formed PDFs of an exact size whose bulk is one stream
 * of seeded random bytes, as a scanned document's image would be. Well-formed matters: the
 * indexing worker runs beside the uploads, and random bytes behind a bare {@code %PDF-} header sent
 * it into PDFBox's byte-by-byte repair of the missing cross-references for every upload, which
 * measured the repair, not the pipeline.
 */
final class InputFiles {
  private static final byte[] HEAD = ("%PDF-1.7\n"
      + "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
      + "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n").getBytes(StandardCharsets.US_ASCII);
  private static final int CHUNK = 1 << 20;

  private InputFiles() {}

  /**
   * Writes a file of {@code plan.bytes()} bytes into the directory and forces it to disk, so its
   * write-back does not overlap the measurements; returns its path.
   */
  static Path write(Path dir, SizePlan plan, long seed) throws IOException {
    return write(dir.resolve("source-" + plan.slug() + ".pdf"), plan.bytes(), seed);
  }

  /** Writes a new file of that many bytes and forces it to disk; returns its path. */
  static Path write(Path file, long bytes, long seed) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      pdf(Channels.newOutputStream(channel), bytes, new SplittableRandom(seed));
      channel.force(true);
    }
    return file;
  }

  /** A PDF of exactly {@code size} bytes, in memory. */
  static byte[] pdf(int size, SplittableRandom random) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(size);
    try {
      pdf(out, size, random);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void pdf(OutputStream out, long bytes, SplittableRandom random) throws IOException {
    long length = bytes - HEAD.length;
    byte[] open;
    byte[] tail;
    // The stream's length is what the head and the tail leave; their widths depend on it: settle.
    while (true) {
      open = ("3 0 obj\n<< /Length " + length + " >>\nstream\n").getBytes(StandardCharsets.US_ASCII);
      long xref = HEAD.length + open.length + length + "\nendstream\nendobj\n".length();
      tail = ("\nendstream\nendobj\nxref\n0 4\n0000000000 65535 f \n"
          + String.format("%010d 00000 n \n", 9)
          + String.format("%010d 00000 n \n", HEAD.length - "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n".length())
          + String.format("%010d 00000 n \n", HEAD.length)
          + "trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
      long settled = bytes - HEAD.length - open.length - tail.length;
      if (settled == length) {
        break;
      }
      length = settled;
    }
    if (length < 0) {
      throw new IllegalArgumentException("a PDF of " + bytes + " bytes is too small for this layout");
    }
    out.write(HEAD);
    out.write(open);
    byte[] chunk = new byte[(int) Math.min(CHUNK, Math.max(1, length))];
    for (long left = length; left > 0; left -= chunk.length) {
      random.nextBytes(chunk);
      out.write(chunk, 0, (int) Math.min(chunk.length, left));
    }
    out.write(tail);
  }
}
