package io.stockage;

import java.util.List;
import java.util.Objects;

/**
 * What changed between two revisions of a file. Text-like content (text, JSON and glTF, XML, CSV)
 * and PDF (its extracted text) get a line diff in {@link #hunks()}; every type gets the
 * {@link #properties()} that differ (size, SHA-256, type, and what was extracted: dimensions,
 * page count, triangle count, bounding box, mesh names). Diffs are bounded: past the limits,
 * {@link #truncated()} is set instead of running out of memory.
 *
 * @param item the file
 * @param from the older revision number
 * @param to the newer revision number
 * @param hunks line hunks, for text-like content and PDF; empty otherwise
 * @param properties the properties whose values differ
 * @param truncated whether a limit cut the diff short
 */
public record Diff(ItemId item, int from, int to, List<Hunk> hunks, List<PropertyChange> properties, boolean truncated) {
  /** Validates and copies. */
  public Diff {
    Objects.requireNonNull(item, "item");
    hunks = List.copyOf(hunks);
    properties = List.copyOf(properties);
  }

  /**
   * A hunk of a unified diff.
   *
   * @param fromLine first line in the older text, from 1
   * @param fromCount its number of lines there
   * @param toLine first line in the newer text, from 1
   * @param toCount its number of lines there
   * @param lines the lines, each prefixed with {@code ' '} (context), {@code '-'} or {@code '+'}
   */
  public record Hunk(int fromLine, int fromCount, int toLine, int toCount, List<String> lines) {
    /** Copies. */
    public Hunk {
      lines = List.copyOf(lines);
    }
  }

  /**
   * A property that differs.
   *
   * @param name {@code size}, {@code sha256}, {@code mimeType}, {@code width}, {@code height},
   *     {@code pages}, {@code triangles}, {@code boundingBox}, {@code meshes}...
   * @param from its value in the older revision; empty when absent there
   * @param to its value in the newer revision; empty when absent there
   */
  public record PropertyChange(String name, java.util.Optional<String> from, java.util.Optional<String> to) {
    /** Validates. */
    public PropertyChange {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }
  }

  /** The hunks in unified diff format ({@code text/x-diff}), with {@code a/} and {@code b/} headers. */
  public String unified(String name) {
    StringBuilder out = new StringBuilder()
        .append("--- a/").append(name).append("\t(revision ").append(from).append(")\n")
        .append("+++ b/").append(name).append("\t(revision ").append(to).append(")\n");
    for (Hunk hunk : hunks) {
      out.append("@@ -").append(hunk.fromLine()).append(',').append(hunk.fromCount())
          .append(" +").append(hunk.toLine()).append(',').append(hunk.toCount()).append(" @@\n");
      hunk.lines().forEach(line -> out.append(line).append('\n'));
    }
    return out.toString();
  }
}
