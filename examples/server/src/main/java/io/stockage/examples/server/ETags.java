package io.stockage.examples.server;

/** Compares {@code If-Match} / {@code If-None-Match} values with an item's strong ETag. */
final class ETags {
  private ETags() {}

  /** Whether the header ({@code *}, or a comma-separated list of tags) matches the ETag. */
  static boolean matches(String header, String etag) {
    for (String candidate : header.split(",")) {
      String tag = candidate.trim();
      if (tag.equals("*") || unquote(tag.startsWith("W/") ? tag.substring(2) : tag).equals(etag)) {
        return true;
      }
    }
    return false;
  }

  private static String unquote(String tag) {
    return tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"") ? tag.substring(1, tag.length() - 1) : tag;
  }
}
