package io.stockage.provider.s3.internal;

import io.stockage.ErrorKind;
import io.stockage.StockageException;
import io.stockage.spi.storage.MultipartWrite.PartInfo;
import io.stockage.spi.storage.ObjectContent;
import io.stockage.spi.storage.ObjectInfo;
import io.stockage.spi.storage.WriteOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * Writes and copies without holding whole objects: a write of known length up to the threshold
 * is one PUT streamed from the caller's stream; anything else is read one part at a time into
 * one reused buffer, and sent as a single PUT when it fits in the first part, else as a multipart
 * upload, aborted when anything fails. A failing source stream's exception reaches the caller
 * unchanged (a checked one wrapped in {@link UncheckedIOException}).
 */
public final class S3Writer {
  /** The largest source {@code CopyObject} accepts; larger objects are copied through the client. */
  static final long MAX_COPY_SOURCE = 5L << 30;
  private static final int MAX_PARTS = 10_000;

  private final Bucket bucket;
  private final S3Uploads uploads;
  private final S3Reader reader;
  private final long threshold;
  private final int partSize;

  private final long maxCopySource;

  /** A writer of the bucket. */
  public S3Writer(Bucket bucket, S3Reader reader, long threshold, long partSize) {
    this(bucket, reader, threshold, partSize, MAX_COPY_SOURCE);
  }

  /** A writer copying sources over {@code maxCopySource} bytes through the client: for tests. */
  S3Writer(Bucket bucket, S3Reader reader, long threshold, long partSize, long maxCopySource) {
    this.maxCopySource = maxCopySource;
    this.bucket = bucket;
    this.uploads = new S3Uploads(bucket);
    this.reader = reader;
    this.threshold = threshold;
    this.partSize = Math.toIntExact(partSize);
  }

  /** The largest object a streamed write can store: 10,000 parts. */
  public long maxObjectSize() {
    return Math.min((long) partSize * MAX_PARTS, 5L << 40);
  }

  /** How S3 errors of a write with these options map: the condition decides what 412 means. */
  static S3Op op(WriteOptions options) {
    return options.ifAbsent() ? S3Op.WRITE_IF_ABSENT
        : options.ifMatch().isPresent() ? S3Op.WRITE_IF_MATCH : S3Op.WRITE;
  }

  /** Writes the object from the stream; see the class comment. */
  public ObjectInfo write(String key, InputStream data, WriteOptions options) {
    String path = bucket.path(key);
    if (options.length().isPresent() && options.length().getAsLong() > maxObjectSize()) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "s3 write " + key + ": "
          + options.length().getAsLong() + " bytes exceed " + maxObjectSize() + " (10,000 parts of the part size)");
    }
    SourceStream source = new SourceStream(data, options.length());
    try {
      boolean streamed = options.length().isPresent() && options.length().getAsLong() <= threshold;
      return streamed ? putStreamed(path, source, options) : putBuffered(path, source, options);
    } catch (RuntimeException e) {
      source.rethrowFailure();
      throw S3Errors.translate(e, op(options), key);
    } catch (Error e) {
      source.rethrowFailure();
      throw e;
    }
  }

  private ObjectInfo putStreamed(String path, SourceStream source, WriteOptions options) {
    checkConditionFirst(path, options);
    long length = options.length().getAsLong();
    return put(path, source.body(), length, options);
  }

  private ObjectInfo putBuffered(String path, SourceStream source, WriteOptions options) {
    checkConditionFirst(path, options);
    PartBuffer buffer = new PartBuffer(partSize);
    if (fill(buffer, source)) {
      return put(path, buffer.content(), buffer.size(), options);
    }
    return multipart(path, source, buffer, options);
  }

  private ObjectInfo put(String path, ContentStreamProvider body, long length, WriteOptions options) {
    String type = options.contentType().orElse(S3Uploads.OCTET_STREAM);
    PutObjectRequest.Builder request = PutObjectRequest.builder().bucket(bucket.name()).key(path)
        .contentLength(length).contentType(type);
    if (options.ifAbsent()) {
      request.ifNoneMatch("*");
    }
    options.ifMatch().ifPresent(request::ifMatch);
    PutObjectResponse r = bucket.client().putObject(request.build(), RequestBody.fromContentProvider(body, length, type));
    return bucket.written(bucket.key(path), length, r.eTag(), r.versionId(), r.sdkHttpResponse());
  }

  private ObjectInfo multipart(String path, SourceStream source, PartBuffer buffer, WriteOptions options) {
    String uploadId = uploads.create(path, options);
    try {
      List<PartInfo> parts = new ArrayList<>();
      boolean ended;
      do {
        parts.add(uploadPart(path, uploadId, parts, buffer));
        ended = fill(buffer, source);
      } while (!ended);
      if (buffer.size() > 0) {
        parts.add(uploadPart(path, uploadId, parts, buffer));
      }
      return uploads.complete(path, uploadId, parts, options);
    } catch (RuntimeException | Error e) {
      uploads.abortAfterFailure(path, uploadId);
      throw e;
    }
  }

  /** Uploads the buffer as the part after those already sent. */
  private PartInfo uploadPart(String path, String uploadId, List<PartInfo> sent, PartBuffer buffer) {
    if (sent.size() == MAX_PARTS) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "s3 write " + bucket.key(path)
          + ": more than " + MAX_PARTS + " parts of " + partSize + " bytes; raise the part size");
    }
    return uploads.upload(path, uploadId, sent.size() + 1, buffer.content(), buffer.size());
  }

  /**
   * Before sending any byte, fails a conditional write whose condition already does not hold:
   * no point sending gigabytes to learn it at completion. It also spares the HTTP client a
   * refusal sent before the body was read, which the JDK client reports as a failed write instead
   * of the answer (S3Proxy answers a failed condition that way). S3 checks the condition again,
   * atomically, on the PUT or the completion.
   */
  private void checkConditionFirst(String path, WriteOptions options) {
    if (!options.ifAbsent() && options.ifMatch().isEmpty()) {
      return;
    }
    String key = bucket.key(path);
    Optional<String> current = reader.etag(key);
    if (options.ifAbsent() && current.isPresent()) {
      throw StockageException.of(ErrorKind.ALREADY_EXISTS, "s3 create " + key + ": the key exists");
    }
    if (options.ifMatch().isPresent()
        && !current.map(Etags::strip).equals(options.ifMatch().map(Etags::strip))) {
      throw StockageException.of(ErrorKind.CONFLICT, "s3 replace " + key + ": the object changed or is gone");
    }
  }

  /** Fills the buffer from the source; true when the source ended. */
  private static boolean fill(PartBuffer buffer, SourceStream source) {
    try {
      return buffer.fill(source);
    } catch (IOException e) {
      // Only the caller's stream throws here: rethrowFailure passes its exception on.
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Copies server-side, pinned to the version or etag just read so that the size reported is
   * the size copied; a source over 5 GiB, which {@code CopyObject} refuses, is streamed through
   * the client in parts instead (multipart copy is not implemented).
   */
  public ObjectInfo copy(String source, String target) {
    String to = bucket.path(target);
    ObjectInfo info = reader.stat(source);
    if (source.equals(target)) {
      // S3 refuses to copy an object onto itself unchanged; there is nothing to do.
      return info;
    }
    if (info.size() > maxCopySource) {
      try (ObjectContent in = reader.read(source, info.versionId(), Optional.empty())) {
        return write(target, in.stream(), WriteOptions.defaults().withLength(info.size()));
      }
    }
    CopyObjectRequest.Builder request = CopyObjectRequest.builder().sourceBucket(bucket.name())
        .sourceKey(bucket.path(source)).destinationBucket(bucket.name()).destinationKey(to);
    info.versionId().ifPresentOrElse(request::sourceVersionId, () -> info.etag().ifPresent(request::copySourceIfMatch));
    try {
      CopyObjectResponse r = bucket.client().copyObject(request.build());
      return bucket.written(target, info.size(), r.copyObjectResult().eTag(), r.versionId(), r.sdkHttpResponse());
    } catch (SdkException e) {
      throw S3Errors.map(e, S3Op.COPY, source);
    }
  }
}
