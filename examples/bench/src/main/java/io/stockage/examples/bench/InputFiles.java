package io.stockage.examples.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;

/** Writes the files the benchmark copies: a PDF header, then seeded random bytes. */
final class InputFiles {
  /** Enough for Stockage's type check (Tika's PDF magic) to accept the bytes as a PDF. */
  static final byte[] PDF_HEADER = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);

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
    SplittableRandom random = new SplittableRandom(seed);
    byte[] chunk = new byte[CHUNK];
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE)) {
      OutputStream out = Channels.newOutputStream(channel);
      out.write(PDF_HEADER);
      for (long left = bytes - PDF_HEADER.length; left > 0; left -= CHUNK) {
        random.nextBytes(chunk);
        out.write(chunk, 0, (int) Math.min(CHUNK, left));
      }
      channel.force(true);
    }
    return file;
  }
}
