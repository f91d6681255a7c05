package io.stockage.provider.s3.internal;

import io.stockage.spi.storage.MultipartWrite.PartInfo;
import io.stockage.spi.storage.ObjectInfo;
import io.stockage.spi.storage.WriteOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * The multipart-upload calls, shared by streamed writes ({@link S3Writer}) and the multipart SPI
 * ({@link S3MultipartWrite}). Every method maps its SDK failures through {@link S3Errors}.
 */
final class S3Uploads {
  private static final Logger LOG = LoggerFactory.getLogger(S3Uploads.class);
  static final String OCTET_STREAM = "application/octet-stream";

  private final Bucket bucket;

  S3Uploads(Bucket bucket) {
    this.bucket = bucket;
  }

  Bucket bucket() {
    return bucket;
  }

  /** Starts an upload to the S3 key; returns its id. */
  String create(String path, WriteOptions options) {
    try {
      return bucket.client().createMultipartUpload(b -> b.bucket(bucket.name()).key(path)
          .contentType(options.contentType().orElse(OCTET_STREAM))).uploadId();
    } catch (SdkException e) {
      throw S3Errors.map(e, S3Op.WRITE, bucket.key(path));
    }
  }

  /** Uploads one part; the body must be readable again if the SDK is to retry it. */
  PartInfo upload(String path, String uploadId, int number, ContentStreamProvider body, long length) {
    try {
      UploadPartResponse r = bucket.client().uploadPart(b -> b.bucket(bucket.name()).key(path)
          .uploadId(uploadId).partNumber(number).contentLength(length),
          RequestBody.fromContentProvider(body, length, OCTET_STREAM));
      return new PartInfo(number, r.eTag(), length);
    } catch (RuntimeException e) {
      throw S3Errors.translate(e, S3Op.MULTIPART, bucket.key(path));
    }
  }

  /**
   * Assembles the parts into the object, under the options' condition: S3 checks
   * {@code If-None-Match}/{@code If-Match} on completion as on a PUT.
   */
  ObjectInfo complete(String path, String uploadId, List<PartInfo> parts, WriteOptions conditions) {
    List<CompletedPart> completed = parts.stream()
        .sorted(Comparator.comparingInt(PartInfo::number))
        .map(p -> CompletedPart.builder().partNumber(p.number()).eTag(p.etag()).build())
        .toList();
    var request = CompleteMultipartUploadRequest.builder().bucket(bucket.name()).key(path).uploadId(uploadId)
        .multipartUpload(m -> m.parts(completed));
    if (conditions.ifAbsent()) {
      request.ifNoneMatch("*");
    }
    conditions.ifMatch().ifPresent(request::ifMatch);
    try {
      CompleteMultipartUploadResponse r = bucket.client().completeMultipartUpload(request.build());
      long size = parts.stream().mapToLong(PartInfo::size).sum();
      return bucket.written(bucket.key(path), size, r.eTag(), r.versionId(), r.sdkHttpResponse());
    } catch (SdkException e) {
      throw S3Errors.map(e, S3Writer.op(conditions), bucket.key(path));
    }
  }

  /** Abandons the upload; an upload already gone is fine. */
  void abort(String path, String uploadId) {
    try {
      bucket.client().abortMultipartUpload(b -> b.bucket(bucket.name()).key(path).uploadId(uploadId));
    } catch (SdkException e) {
      var mapped = S3Errors.map(e, S3Op.MULTIPART, bucket.key(path));
      if (mapped.kind() != io.stockage.ErrorKind.NOT_FOUND) {
        throw mapped;
      }
    }
  }

  /**
   * Aborts after a failed write. When even that fails (the service is down), the upload stays
   * open and keeps its parts: {@link #incomplete(Instant)} finds it later for
   * {@code S3StorageProvider.abortIncompleteUploads}, as would a bucket lifecycle rule
   * ({@code AbortIncompleteMultipartUpload}).
   */
  void abortAfterFailure(String path, String uploadId) {
    try {
      abort(path, uploadId);
    } catch (RuntimeException e) {
      LOG.warn("s3: could not abort multipart upload {} of {} in bucket {} ({}); it stays open until "
          + "abortIncompleteUploads or a lifecycle rule removes it", uploadId, path, bucket.name(), e.getMessage());
    }
  }

  /** The parts uploaded so far, by number. */
  List<PartInfo> parts(String path, String uploadId) {
    try {
      List<PartInfo> parts = new ArrayList<>();
      bucket.client().listPartsPaginator(b -> b.bucket(bucket.name()).key(path).uploadId(uploadId)).parts()
          .forEach(p -> parts.add(new PartInfo(p.partNumber(), p.eTag(), p.size())));
      parts.sort(Comparator.comparingInt(PartInfo::number));
      return parts;
    } catch (SdkException e) {
      throw S3Errors.map(e, S3Op.MULTIPART, bucket.key(path));
    }
  }

  /**
   * Whether the upload is still open. Asked by listing the key's uploads rather than its parts:
   * S3Proxy still lists the parts of an aborted upload.
   */
  boolean isOpen(String path, String uploadId) {
    try {
      return bucket.client().listMultipartUploadsPaginator(b -> b.bucket(bucket.name()).prefix(path)).uploads()
          .stream().anyMatch(u -> u.key().equals(path) && u.uploadId().equals(uploadId));
    } catch (SdkException e) {
      throw S3Errors.map(e, S3Op.MULTIPART, bucket.key(path));
    }
  }

  /** The open uploads under the prefix begun before the instant, oldest first. */
  List<MultipartUpload> incomplete(Instant initiatedBefore) {
    try {
      return bucket.client().listMultipartUploadsPaginator(b -> b.bucket(bucket.name()).prefix(bucket.prefix()))
          .uploads().stream()
          .filter(u -> u.initiated() == null || u.initiated().isBefore(initiatedBefore))
          .sorted(Comparator.comparing(MultipartUpload::initiated, Comparator.nullsFirst(Comparator.naturalOrder())))
          .toList();
    } catch (SdkException e) {
      throw S3Errors.map(e, S3Op.LIST, bucket.prefix());
    }
  }
}
