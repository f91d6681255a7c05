package io.stockage.core.internal.diff;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Reads text-like content as UTF-8 lines, within the limits. */
final class TextContent {
  private TextContent() {}

  /**
   * At most {@code max} bytes of a stream, and whether there was more.
   *
   * @param bytes the bytes read
   * @param truncated whether the stream had more
   */
  record Head(byte[] bytes, boolean truncated) {}

  /**
   * Lines of text, and whether there were more.
   *
   * @param lines at most the limit
   * @param truncated whether the text had more
   */
  record Lines(List<String> lines, boolean truncated) {}

  /**
   * Reads the head of {@code in}, at most {@code max} bytes. Reads one byte past the limit to tell
   * whether there is more, then stops: the caller closes the stream without draining it.
   */
  static Head head(InputStream in, int max) throws IOException {
    byte[] bytes = in.readNBytes(max);
    boolean more = bytes.length == max && in.read() >= 0;
    return new Head(bytes, more);
  }

  /** The text of a stream: at most {@code maxBytes()} bytes and {@code maxLines()} lines. */
  static Extraction read(InputStream in, DiffLimits limits) throws IOException {
    return extraction(head(in, limits.maxBytesInt()), limits.maxLines(), Map.of());
  }

  /**
   * Decodes UTF-8 (malformed input becomes U+FFFD, as {@link String#String(byte[],
   * java.nio.charset.Charset)} does) and splits lines, with the given properties.
   */
  static Extraction extraction(Head head, int maxLines, Map<String, String> properties) {
    Lines lines = split(new String(head.bytes(), StandardCharsets.UTF_8), maxLines);
    return Extraction.text(lines.lines(), properties, head.truncated() || lines.truncated());
  }

  /**
   * Splits text on {@code \n}, {@code \r\n} and {@code \r}; a final line terminator does not start
   * another line. Keeps at most {@code maxLines} lines.
   */
  static Lines split(String text, int maxLines) {
    List<String> lines = new ArrayList<>();
    Iterator<String> all = text.lines().iterator();
    while (all.hasNext() && lines.size() < maxLines) {
      lines.add(all.next());
    }
    return new Lines(lines, all.hasNext());
  }
}
