package io.stockage;

import java.io.InputStream;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A chunk of a resumable upload ({@link Uploads#append}): where it starts, its bytes, and
 * optionally their checksum, checked before the chunk counts ({@code POLICY_VIOLATION},
 * {@link PolicyReason#CHECKSUM_MISMATCH}).
 *
 * @param offset where the chunk starts: the session's offset
 * @param content the bytes
 * @param checksumAlgorithm {@code sha1} or {@code sha256}, with {@code checksum}
 * @param checksum the digest the bytes must have
 */
public record UploadChunk(long offset, InputStream content, Optional<String> checksumAlgorithm,
    Optional<byte[]> checksum) {
  /** Validates. */
  public UploadChunk {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(checksumAlgorithm, "checksumAlgorithm");
    Objects.requireNonNull(checksum, "checksum");
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
    return new UploadChunk(offset, content, Optional.empty(), Optional.empty());
  }

  /** This chunk, whose bytes must have that digest. */
  public UploadChunk withChecksum(String algorithm, byte[] digest) {
    return new UploadChunk(offset, content, Optional.of(algorithm), Optional.of(digest.clone()));
  }
}
