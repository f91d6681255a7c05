package io.stockage;

import java.io.InputStream;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * New content for an existing file: it becomes the next revision. The stream is read once and
 * closed by Stockage.
 *
 * @param content the bytes
 * @param declaredSize the size the client announced, if any
 * @param expectedRevision the revision the writer based its change on; when the file moved on,
 *     the write fails with {@link ErrorKind#CONFLICT}
 */
public record NewContent(InputStream content, OptionalLong declaredSize, OptionalInt expectedRevision) {
  /** Validates. */
  public NewContent {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(declaredSize, "declaredSize");
    Objects.requireNonNull(expectedRevision, "expectedRevision");
  }

  /** New content with no size announced and no expectation. */
  public static NewContent of(InputStream content) {
    return new NewContent(content, OptionalLong.empty(), OptionalInt.empty());
  }

  /** This content, with the size the client announced. */
  public NewContent withDeclaredSize(long size) {
    return new NewContent(content, OptionalLong.of(size), expectedRevision);
  }

  /** This content, written only if the file is still at the given revision. */
  public NewContent ifRevision(int revision) {
    return new NewContent(content, declaredSize, OptionalInt.of(revision));
  }
}
