package io.stockage.examples.server;

import io.stockage.ByteRange;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a {@code Range} header into one byte range. Only single ranges are served; a
 * multi-range or malformed header is ignored and the whole content is sent, as RFC 9110 §14.2
 * allows.
 */
final class HttpRanges {
  private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

  private HttpRanges() {}

  static Optional<ByteRange> parse(String header) {
    if (header == null) {
      return Optional.empty();
    }
    Matcher m = SINGLE.matcher(header.trim());
    if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
      return Optional.empty();
    }
    try {
      if (m.group(1).isEmpty()) {
        long suffix = Long.parseLong(m.group(2));
        return suffix == 0 ? Optional.empty() : Optional.of(ByteRange.suffix(suffix));
      }
      long first = Long.parseLong(m.group(1));
      if (m.group(2).isEmpty()) {
        return Optional.of(ByteRange.from(first));
      }
      long last = Long.parseLong(m.group(2));
      return last < first ? Optional.empty() : Optional.of(ByteRange.closed(first, last));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
