package io.stockage.provider.s3.internal;

import io.stockage.ByteRange;
import io.stockage.ErrorKind;
import io.stockage.StockageException;
import io.stockage.spi.storage.ObjectContent;
import io.stockage.spi.storage.ObjectInfo;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** HEAD and GET: metadata, whole objects, ranges and versions. */
public final class S3Reader {
  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");

  private final Bucket bucket;

  /** A reader of the bucket. */
  public S3Reader(Bucket bucket) {
    this.bucket = bucket;
  }

  /** The object's metadata; {@code NOT_FOUND} when missing or deleted (a delete marker). */
  public ObjectInfo stat(String key) {
    String path = bucket.path(key);
    try {
      HeadObjectResponse r = bucket.client().headObject(b -> b.bucket(bucket.name()).key(path));
      return new ObjectInfo(key, r.contentLength(), r.lastModified(), Optional.ofNullable(r.eTag()),
          bucket.version(r.versionId()));
    } catch (SdkException e) {
      throw S3Errors.map(e, S3Op.STAT, key);
    }
  }

  /** The etag of the object, or empty when there is none. */
  Optional<String> etag(String key) {
    try {
      return stat(key).etag();
    } catch (StockageException e) {
      if (e.kind() == ErrorKind.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * Opens the object, or one version of it, whole or a range. The slice comes from the response's
   * {@code Content-Range}; should a service answer a range with the whole object, the range is
   * cut out here.
   */
  public ObjectContent read(String key, Optional<String> versionId, Optional<ByteRange> range) {
    String path = bucket.path(key);
    GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(bucket.name()).key(path);
    versionId.ifPresent(request::versionId);
    range.ifPresent(r -> request.range(r.toString()));
    ResponseInputStream<GetObjectResponse> in;
    try {
      in = bucket.client().getObject(request.build());
    } catch (SdkException e) {
      throw S3Errors.map(e, versionId.isPresent() ? S3Op.VERSION : S3Op.READ, key);
    }
    try {
      return content(key, in, range);
    } catch (IOException e) {
      in.abort();
      throw S3Errors.io(e, S3Op.READ, key);
    } catch (RuntimeException e) {
      in.abort();
      throw e;
    }
  }

  private ObjectContent content(String key, ResponseInputStream<GetObjectResponse> in, Optional<ByteRange> range)
      throws IOException {
    GetObjectResponse r = in.response();
    Matcher m = r.contentRange() == null ? null : CONTENT_RANGE.matcher(r.contentRange());
    long size;
    ByteRange.Slice slice;
    if (m != null && m.matches()) {
      size = Long.parseLong(m.group(3));
      long first = Long.parseLong(m.group(1));
      slice = new ByteRange.Slice(first, Long.parseLong(m.group(2)) - first + 1);
    } else {
      size = r.contentLength();
      slice = range.map(x -> x.resolve(size)).orElse(ByteRange.Slice.whole(size));
      in.skipNBytes(slice.offset());
    }
    ObjectInfo info = new ObjectInfo(key, size, r.lastModified(), Optional.ofNullable(r.eTag()),
        bucket.version(r.versionId()));
    return new ObjectContent(info, slice, new ContentStream(in, slice.length()));
  }
}
