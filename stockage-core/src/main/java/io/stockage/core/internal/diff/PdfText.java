package io.stockage.core.internal.diff;

import io.stockage.spi.storage.FileBacked;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The text and page count of a PDF, with PDFBox called directly (no OCR, no attachments). PDFBox
 * needs random access: content that is a local file ({@link FileBacked}, the local disk provider's
 * reads) is memory-mapped where it is; anything else is read from a temporary copy (as large as
 * the revision, which the upload policy bounds). Everything PDFBox decodes — content streams,
 * fonts, images — lives in at most {@code maxBytes} of memory plus {@link #SCRATCH_FACTOR} ×
 * {@code maxBytes} of temporary file, so a deflate bomb (a few KiB that inflate to gigabytes)
 * fills neither: past that the text is cut and the diff says it is truncated. Tika's PDF parser
 * was dropped here because it bounds PDFBox's memory but not its temporary files. The text stops
 * at {@code maxBytes} characters; the page count is read first, so a cut text still has it.
 */
final class PdfText {
  /** PDFBox's scratch on disk, as a multiple of the text limit. */
  static final int SCRATCH_FACTOR = 8;
  /** The largest PDF whose cross-references are rebuilt when its end does not give them. */
  static final long REPAIR_LIMIT = 16L << 20;
  /** How far from the end {@code startxref} is looked for (PDFBox reads its trailer from there). */
  static final int TAIL = 4096;
  private static final String UNREPAIRED =
      "a damaged PDF (no cross-reference at its end) is not repaired above " + (REPAIR_LIMIT >> 20) + " MB";

  private PdfText() {}

  /**
   * Extracts the text as lines.
   *
   * @throws IOException when the content cannot be read or is not a PDF PDFBox can read
   */
  static Extraction read(InputStream in, Optional<FileBacked> file, DiffLimits limits, Deadline deadline,
      boolean thumbnail) throws IOException {
    return withDocument(in, file, limits, Extraction.failed(UNREPAIRED),
        document -> read(document, limits, deadline, thumbnail));
  }

  /** What is done with a loaded document. */
  interface DocumentWork<T> {
    T apply(PDDocument document) throws IOException;
  }

  /**
   * Loads the PDF within the limits and hands it to the work: a local file's region is mapped where
   * it is (the page cache holds it), anything else is copied to a temporary file first. A damaged
   * file too large to repair gives {@code unrepairable} instead.
   */
  static <T> T withDocument(InputStream in, Optional<FileBacked> file, DiffLimits limits, T unrepairable,
      DocumentWork<T> work) throws IOException {
    MemoryUsageSetting memory = MemoryUsageSetting.setupMixed(limits.maxBytes(),
        limits.maxBytes() * (SCRATCH_FACTOR + 1));
    Optional<FileBacked> mappable = file.filter(f -> f.length() <= Integer.MAX_VALUE);
    if (mappable.isPresent()) {
      FileBacked region = mappable.get();
      if (!repairable(region.channel(), region.offset(), region.length())) {
        return unrepairable;
      }
      MappedByteBuffer mapped = region.channel().map(FileChannel.MapMode.READ_ONLY, region.offset(), region.length());
      try (PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(mapped), "", null, null,
          memory.streamCache)) {
        return work.apply(document);
      }
    }
    Path copy = Files.createTempFile("stockage-pdf-", ".pdf");
    try {
      try (OutputStream out = Files.newOutputStream(copy)) {
        in.transferTo(out);
      }
      try (FileChannel channel = FileChannel.open(copy)) {
        if (!repairable(channel, 0, channel.size())) {
          return unrepairable;
        }
      }
      try (PDDocument document = Loader.loadPDF(copy.toFile(), "", memory.streamCache)) {
        return work.apply(document);
      }
    } finally {
      Files.deleteIfExists(copy);
    }
  }

  /**
   * False for a PDF larger than {@link #REPAIR_LIMIT} without {@code startxref} in its last
   * {@link #TAIL} bytes: PDFBox would rebuild its cross-references by scanning every byte for
   * objects (a core for seconds per hundred megabytes, on random bytes behind a {@code %PDF-}
   * header too). Such a file is reported as damaged instead; a smaller one is still repaired.
   */
  private static boolean repairable(FileChannel channel, long offset, long size) throws IOException {
    if (size <= REPAIR_LIMIT) {
      return true;
    }
    java.nio.ByteBuffer end = java.nio.ByteBuffer.allocate(TAIL);
    long at = offset + size - TAIL;
    while (end.hasRemaining() && channel.read(end, at + end.position()) > 0) {
      // reads the tail
    }
    return new String(end.array(), 0, end.position(), java.nio.charset.StandardCharsets.ISO_8859_1)
        .contains("startxref");
  }

  private static Extraction read(PDDocument document, DiffLimits limits, Deadline deadline, boolean thumbnail)
      throws IOException {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("pages", Integer.toString(document.getNumberOfPages()));
    var info = document.getDocumentInformation();
    putIfText(properties, "title", info.getTitle());
    putIfText(properties, "author", info.getAuthor());
    Bounded text = new Bounded(limits.maxBytesInt());
    boolean truncated = false;
    try {
      new Stripper(deadline).writeText(document, text);
    } catch (Bounded.Full e) {
      truncated = true;
    } catch (Deadline.Expired e) {
      // The pages read so far are kept (the index uses them); a diff discards a timed-out side.
      truncated = true;
    } catch (IOException e) {
      if (!scratchExhausted(e)) {
        throw e;
      }
      truncated = true;
    }
    TextContent.Lines lines = TextContent.split(text.toString(), limits.maxLines());
    Extraction extraction = Extraction.text(lines.lines(), properties, truncated || lines.truncated());
    // The first page from the same document: no second copy, no second parse; within what is
    // left of the time.
    return thumbnail && deadline.remaining().toMillis() > 0
        ? extraction.withThumbnail(Thumbnails.firstPage(document, deadline.remaining())) : extraction;
  }

  private static void putIfText(Map<String, String> properties, String name, String value) {
    if (value != null && !value.isBlank()) {
      properties.put(name, value.strip().length() > 200 ? value.strip().substring(0, 200) : value.strip());
    }
  }

  /** PDFBox's words when its scratch (memory and temporary file) is full. */
  private static boolean scratchExhausted(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      if (message.contains("Maximum allowed") || message.contains("maximum allowed")) {
        return true;
      }
    }
    return false;
  }

  /** The page text, checking the deadline at every page and every piece of text. */
  private static final class Stripper extends PDFTextStripper {
    private final Deadline deadline;

    Stripper(Deadline deadline) {
      this.deadline = deadline;
    }

    @Override
    protected void startPage(PDPage page) throws IOException {
      deadline.check();
      super.startPage(page);
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) throws IOException {
      deadline.check();
      super.writeString(text, positions);
    }
  }

  /** Text up to a number of characters; past it, writing fails with {@link Full}. */
  private static final class Bounded extends Writer {
    private final StringBuilder text = new StringBuilder();
    private final int limit;

    Bounded(int limit) {
      this.limit = limit;
    }

    @Override
    public void write(char[] chars, int offset, int length) {
      int room = limit - text.length();
      text.append(chars, offset, Math.min(room, length));
      if (length > room) {
        throw new Full();
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public String toString() {
      return text.toString();
    }

    /** The limit is reached. */
    static final class Full extends RuntimeException {
      private static final long serialVersionUID = 1L;

      Full() {
        super("text limit reached", null, false, false);
      }
    }
  }
}
