package io.stockage;

import java.io.InputStream;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A chunk of a resumable upload ({@link Uploads#append}): where it starts, its bytes, and
 * optionally their checksum, checked before the chunk counts ({@code POLICY_VIOLATION},
 * {@link PolicyReason#CHECKSUM_MISMATCH}).
 *
 * @param offset where the chunk starts: the session's offset
 * @param content the bytes
 * @param checksumAlgorithm {@code sha1} or {@code sha256}, with {@code checksum}
 * @param checksum the digest the bytes must have
 * @param length how many bytes the chunk holds, when the client said (an HTTP request's
 *     {@code Content-Length}): an object store then streams it straight into parts; a chunk that
 *     holds more or fewer is refused with {@code INVALID_ARGUMENT}
 */
public record UploadChunk(long offset, InputStream content, Optional<String> checksumAlgorithm,
    Optional<byte[]> checksum, OptionalLong length) {
  /** Validates. */
  public UploadChunk {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(checksumAlgorithm, "checksumAlgorithm");
    Objects.requireNonNull(checksum, "checksum");
    Objects.requireNonNull(length, "length");
    if (length.isPresent() && length.getAsLong() < 0) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "a chunk's length is not negative");
    }
    if (offset < 0) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "an offset is not negative");
    }
    if (checksumAlgorithm.isPresent() != checksum.isPresent()) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "a checksum comes with its algorithm");
    }
    checksumAlgorithm = checksumAlgorithm.map(a -> a.toLowerCase(Locale.ROOT));
    if (checksumAlgorithm.isPresent() && !checksumAlgorithm.get().matches("sha1|sha256")) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "checksums are sha1 or sha256");
    }
  }

  /** The chunk at the offset. */
  public static UploadChunk at(long offset, InputStream content) {
    return new UploadChunk(offset, content, Optional.empty(), Optional.empty(), OptionalLong.empty());
  }

  /** This chunk, with the number of bytes it holds. */
  public UploadChunk withLength(long bytes) {
    return new UploadChunk(offset, content, checksumAlgorithm, checksum, OptionalLong.of(bytes));
  }

  /** This chunk, whose bytes must have that digest. */
  public UploadChunk withChecksum(String algorithm, byte[] digest) {
    return new UploadChunk(offset, content, Optional.of(algorithm), Optional.of(digest.clone()), length);
  }
}
