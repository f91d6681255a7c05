package io.stockage;

import java.io.InputStream;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A file to write on a live mount, replacing what the path holds. The stream is read once and
 * closed by Stockage.
 *
 * @param mount the live mount's name
 * @param path the file's path on it
 * @param content the bytes
 * @param declaredSize the size the client announced, if any; checked before and while reading
 */
public record EntryUpload(String mount, String path, InputStream content, OptionalLong declaredSize) {
  /** Validates. */
  public EntryUpload {
    Objects.requireNonNull(mount, "mount");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(declaredSize, "declaredSize");
  }

  /** A write with no declared size. */
  public static EntryUpload of(String mount, String path, InputStream content) {
    return new EntryUpload(mount, path, content, OptionalLong.empty());
  }

  /** This write, with the size the client announced. */
  public EntryUpload withDeclaredSize(long size) {
    return new EntryUpload(mount, path, content, OptionalLong.of(size));
  }
}
