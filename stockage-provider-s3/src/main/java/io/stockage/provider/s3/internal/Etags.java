package io.stockage.provider.s3.internal;

/** Entity tags as S3 sends them, quoted; compared without the quotes, which some services drop. */
final class Etags {
  private Etags() {}

  /** The tag without surrounding double quotes. */
  static String strip(String etag) {
    return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")
        ? etag.substring(1, etag.length() - 1) : etag;
  }
}
