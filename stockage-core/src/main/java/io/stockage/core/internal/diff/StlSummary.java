package io.stockage.core.internal.diff;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Triangle count and bounding box of an STL model, ASCII or binary, streamed: memory stays
 * constant whatever the size. Binary STL is an 80-byte header, a little-endian uint32 triangle
 * count, then 50 bytes per triangle (normal, three vertices as float32, a uint16 attribute).
 */
final class StlSummary {
  private static final int HEADER = 84;
  private static final int TRIANGLE = 50;
  private static final int BATCH = 1024;

  private StlSummary() {}

  /**
   * Reads the summary.
   *
   * @param size the content size: binary STL is recognised by it ({@code 84 + 50 * count}), as
   *     some binary files also start with {@code solid}
   */
  static Extraction read(InputStream in, long size) throws IOException {
    byte[] head = in.readNBytes(HEADER);
    long count = head.length == HEADER
        ? Integer.toUnsignedLong(ByteBuffer.wrap(head, 80, 4).order(ByteOrder.LITTLE_ENDIAN).getInt())
        : -1;
    boolean binary = count >= 0 && size == HEADER + TRIANGLE * count;
    boolean ascii = !binary && startsWithSolid(head);
    if (!binary && !ascii) {
      if (count < 0) {
        return Extraction.failed("not an STL model: " + head.length + " bytes");
      }
      binary = true;
    }
    Bounds bounds = new Bounds();
    long triangles = binary
        ? binary(in, count, bounds)
        : ascii(new SequenceInputStream(new ByteArrayInputStream(head), in), bounds);
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("triangles", Long.toString(triangles));
    if (!bounds.empty()) {
      properties.put("boundingBox", bounds.toString());
    }
    // The solid's name is searchable text, not a property: the same model in binary form has none.
    List<String> words = ascii ? solidName(head).map(List::of).orElse(List.of()) : List.of();
    return new Extraction(false, words, properties, false);
  }

  private static boolean startsWithSolid(byte[] head) {
    String start = new String(head, StandardCharsets.US_ASCII).stripLeading();
    return start.startsWith("solid");
  }

  /** Reads the vertices of up to {@code count} triangles; a short file ends the bounds early. */
  private static long binary(InputStream in, long count, Bounds bounds) throws IOException {
    byte[] batch = new byte[TRIANGLE * BATCH];
    ByteBuffer buf = ByteBuffer.wrap(batch).order(ByteOrder.LITTLE_ENDIAN);
    long remaining = count;
    while (remaining > 0) {
      int n = in.readNBytes(batch, 0, (int) Math.min(BATCH, remaining) * TRIANGLE) / TRIANGLE;
      for (int t = 0; t < n; t++) {
        int vertices = t * TRIANGLE + 12;
        for (int v = 0; v < 3; v++) {
          int at = vertices + v * 12;
          bounds.add(buf.getFloat(at), buf.getFloat(at + 4), buf.getFloat(at + 8));
        }
      }
      if (n == 0) {
        break;
      }
      remaining -= n;
    }
    return count;
  }

  /** Counts {@code facet} keywords and bounds {@code vertex x y z} triples, token by token. */
  private static long ascii(InputStream in, Bounds bounds) throws IOException {
    StlTokens tokens = new StlTokens(in);
    long facets = 0;
    for (String token = tokens.next(); token != null; token = tokens.next()) {
      if (token.equals("facet")) {
        facets++;
      } else if (token.equals("vertex")) {
        float x = number(tokens.next());
        float y = number(tokens.next());
        float z = number(tokens.next());
        bounds.add(x, y, z);
      }
    }
    return facets;
  }

  private static float number(String token) throws IOException {
    if (token == null) {
      throw new IOException("truncated vertex");
    }
    try {
      return Float.parseFloat(token);
    } catch (NumberFormatException e) {
      throw new IOException("bad vertex coordinate: " + token, e);
    }
  }

  // The name on an ASCII STL's first line ("solid bridge_deck"), within the header read.
  private static java.util.Optional<String> solidName(byte[] head) {
    String first = new String(head, java.nio.charset.StandardCharsets.US_ASCII).split("\\R", 2)[0].strip();
    String name = first.length() > 5 ? first.substring(5).strip() : "";
    return name.isEmpty() || !name.chars().allMatch(c -> c >= 0x20 && c < 0x7f) ? java.util.Optional.empty()
        : java.util.Optional.of(name);
  }
}
