package io.stockage.provider.s3.internal;

import io.stockage.ErrorKind;
import io.stockage.StockageException;
import io.stockage.spi.storage.MultipartWrite;
import io.stockage.spi.storage.ObjectInfo;
import io.stockage.spi.storage.WriteOptions;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/**
 * An S3 multipart upload driven part by part by the caller (resumable uploads). Each part is
 * streamed from the caller's stream without buffering. The write options' condition, when the
 * upload was begun here, is checked by S3 on {@link #complete}; an upload taken up with
 * {@link #resume} completes unconditionally, since S3 does not keep the condition.
 */
public final class S3MultipartWrite implements MultipartWrite {
  /** S3's limits on part numbers and sizes. */
  private static final int MAX_PART_NUMBER = 10_000;
  private static final long MAX_PART_SIZE = 5L << 30;

  private final S3Uploads uploads;
  private final String key;
  private final String uploadId;
  private final WriteOptions conditions;

  private S3MultipartWrite(S3Uploads uploads, String key, String uploadId, WriteOptions conditions) {
    this.uploads = uploads;
    this.key = key;
    this.uploadId = uploadId;
    this.conditions = conditions;
  }

  /** Starts an upload. */
  public static S3MultipartWrite begin(Bucket bucket, String key, WriteOptions options) {
    S3Uploads uploads = new S3Uploads(bucket);
    String uploadId = uploads.create(bucket.path(key), options);
    return new S3MultipartWrite(uploads, key, uploadId, options);
  }

  /** Takes up an open upload; {@code NOT_FOUND} when it was completed, aborted or expired. */
  public static S3MultipartWrite resume(Bucket bucket, String key, String uploadId) {
    Objects.requireNonNull(uploadId, "uploadId");
    S3Uploads uploads = new S3Uploads(bucket);
    if (!uploads.isOpen(bucket.path(key), uploadId)) {
      throw StockageException.notFound("s3: no open multipart upload " + uploadId + " for " + key);
    }
    return new S3MultipartWrite(uploads, key, uploadId, WriteOptions.defaults());
  }

  /**
   * Aborts the open uploads under the bucket's prefix begun before the instant; returns how many.
   * Uploads that vanished meanwhile (completed or aborted elsewhere) are skipped.
   */
  public static int abortIncomplete(Bucket bucket, Instant initiatedBefore) {
    S3Uploads uploads = new S3Uploads(bucket);
    int aborted = 0;
    for (MultipartUpload upload : uploads.incomplete(initiatedBefore)) {
      uploads.abort(upload.key(), upload.uploadId());
      aborted++;
    }
    return aborted;
  }

  @Override
  public String key() {
    return key;
  }

  @Override
  public String uploadId() {
    return uploadId;
  }

  @Override
  public PartInfo putPart(int number, InputStream data, long length) {
    if (number < 1 || number > MAX_PART_NUMBER || length < 0 || length > MAX_PART_SIZE) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT,
          "s3: part number must be 1-10000 and its length 0-5 GiB: " + number + ", " + length);
    }
    SourceStream source = new SourceStream(data, OptionalLong.of(length));
    try {
      return uploads.upload(path(), uploadId, number, source.body(), length);
    } catch (RuntimeException | Error e) {
      source.rethrowFailure();
      throw e;
    }
  }

  @Override
  public List<PartInfo> parts() {
    return uploads.parts(path(), uploadId);
  }

  @Override
  public ObjectInfo complete(List<PartInfo> parts) {
    if (parts.isEmpty()) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "s3: a multipart upload needs at least one part");
    }
    return uploads.complete(path(), uploadId, parts, conditions);
  }

  @Override
  public void abort() {
    uploads.abort(path(), uploadId);
  }

  private String path() {
    return uploads.bucket().path(key);
  }

  @Override
  public String toString() {
    return "S3MultipartWrite[" + key + ", " + uploadId + "]";
  }
}
