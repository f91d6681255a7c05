package io.stockage.spi.storage;

import java.io.InputStream;
import java.util.List;

/**
 * A multipart upload in progress ({@link io.stockage.Capability#MULTIPART_UPLOAD}): parts are
 * written one by one, each retryable on its own, and become visible only on {@link #complete}.
 * Its {@link #uploadId()} can be persisted and the upload resumed with
 * {@link StorageProvider#resumeMultipart} after a restart.
 */
public interface MultipartWrite {

  /** The key the upload writes. */
  String key();

  /** The backend's id of this upload. */
  String uploadId();

  /**
   * Writes part {@code number} (from 1) of exactly {@code length} bytes; every part but the last
   * is at least {@link io.stockage.Limits#minPartSize()}. Writing a number again replaces it.
   */
  PartInfo putPart(int number, InputStream data, long length);

  /** The parts written so far, by number. */
  List<PartInfo> parts();

  /** Assembles the parts, in number order, into the object. */
  ObjectInfo complete(List<PartInfo> parts);

  /** Abandons the upload and frees its parts; aborting twice succeeds. */
  void abort();

  /**
   * A written part.
   *
   * @param number part number, from 1
   * @param etag the backend's tag of the part
   * @param size its size in bytes
   */
  record PartInfo(int number, String etag, long size) {
    /** Validates. */
    public PartInfo {
      java.util.Objects.requireNonNull(etag, "etag");
      if (number < 1 || size < 0) {
        throw new IllegalArgumentException("part number must be >= 1 and size >= 0");
      }
    }
  }
}
