package io.stockage.core.internal.diff;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What was extracted from one side.
 *
 * @param textual whether {@code lines} is the content as text, to be line-diffed
 * @param lines the lines, at most the limit; when not textual, searchable words that are not
 *     compared (an STL solid's name)
 * @param properties extracted properties in report order ({@code width}, {@code pages}...)
 * @param truncated whether a limit cut the extraction short
 * @param thumbnail a PNG made from what was loaded anyway (a PDF's first page), when asked for
 */
record Extraction(boolean textual, List<String> lines, Map<String, String> properties, boolean truncated,
    java.util.Optional<byte[]> thumbnail) {
  /** The property that reports a failed extraction. */
  static final String ERROR = "error";

  /** Copies. */
  Extraction {
    lines = List.copyOf(lines);
    properties = new LinkedHashMap<>(properties);
    java.util.Objects.requireNonNull(thumbnail, "thumbnail");
  }

  /** Without a thumbnail. */
  Extraction(boolean textual, List<String> lines, Map<String, String> properties, boolean truncated) {
    this(textual, lines, properties, truncated, java.util.Optional.empty());
  }

  /** The same with a thumbnail. */
  Extraction withThumbnail(java.util.Optional<byte[]> png) {
    return new Extraction(textual, lines, properties, truncated, png);
  }

  /** Text lines with properties. */
  static Extraction text(List<String> lines, Map<String, String> properties, boolean truncated) {
    return new Extraction(true, lines, properties, truncated);
  }

  /** Properties only. */
  static Extraction properties(Map<String, String> properties, boolean truncated) {
    return new Extraction(false, List.of(), properties, truncated);
  }

  /** Nothing: the type has nothing to extract, or the content is the same on both sides. */
  static Extraction none() {
    return properties(Map.of(), false);
  }

  /** A failure, reported as the property {@code error}. */
  static Extraction failed(String error) {
    return properties(Map.of(ERROR, error), false);
  }

  /** Cut short by the timeout before anything complete was extracted. */
  static Extraction timedOut() {
    return properties(Map.of(), true);
  }

  /** The properties, in report order; a copy the caller may change. */
  @Override
  public Map<String, String> properties() {
    return new LinkedHashMap<>(properties);
  }
}
