package io.stockage.examples.bench;

import java.io.FileInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/**
 * The bucket through the AWS SDK's {@link S3Client} called directly, the way an application
 * without Stockage would: objects up to the threshold are one {@code putObject} with
 * {@code RequestBody.fromInputStream}; larger ones a multipart upload whose parts, of the same
 * size as the provider's, are streamed one after the other from the same {@code FileInputStream}
 * (no buffer of our own); {@code getObject} streams the body.
 */
final class RawSdkTarget implements S3Target {
  private static final int DELETE_BATCH = 1000;

  private final S3Client client;
  private final String bucket;
  private final long threshold;
  private final long partSize;

  /** A target on the bucket splitting writes as the provider does. */
  RawSdkTarget(S3Client client, String bucket, Sizes sizes) {
    this.client = client;
    this.bucket = bucket;
    this.threshold = sizes.multipartThreshold();
    this.partSize = sizes.partSize();
  }

  @Override
  public boolean provider() {
    return false;
  }

  @Override
  public void put(String key, Path source, long bytes) throws IOException {
    try (InputStream in = new FileInputStream(source.toFile())) {
      if (bytes <= threshold) {
        client.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromInputStream(in, bytes));
      } else {
        putMultipart(key, in, bytes);
      }
    }
  }

  private void putMultipart(String key, InputStream in, long bytes) {
    String uploadId = client.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
    try {
      List<CompletedPart> parts = new ArrayList<>();
      for (long offset = 0; offset < bytes; offset += partSize) {
        long length = Math.min(partSize, bytes - offset);
        int number = parts.size() + 1;
        String etag = client.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(number)
            .contentLength(length), RequestBody.fromInputStream(new Slice(in, length), length)).eTag();
        parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
      }
      client.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
          .multipartUpload(m -> m.parts(parts)));
    } catch (RuntimeException e) {
      client.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
      throw e;
    }
  }

  @Override
  public long get(String key, OutputStream sink) throws IOException {
    try (ResponseInputStream<GetObjectResponse> in = client.getObject(b -> b.bucket(bucket).key(key))) {
      return in.transferTo(sink);
    }
  }

  @Override
  public void delete(List<String> keys) {
    for (int from = 0; from < keys.size(); from += DELETE_BATCH) {
      List<ObjectIdentifier> batch = keys.subList(from, Math.min(keys.size(), from + DELETE_BATCH)).stream()
          .map(k -> ObjectIdentifier.builder().key(k).build()).toList();
      client.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(batch).quiet(true)));
    }
  }

  /**
   * How the writes are split, the same for both clients.
   *
   * @param multipartThreshold objects up to this size are one PUT
   * @param partSize the part size of larger ones
   */
  record Sizes(long multipartThreshold, long partSize) {}

  /** The next {@code length} bytes of the stream, which it leaves open. */
  private static final class Slice extends FilterInputStream {
    private long remaining;

    Slice(InputStream in, long length) {
      super(in);
      this.remaining = length;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      if (remaining <= 0) {
        return -1;
      }
      int n = in.read(buf, off, (int) Math.min(len, remaining));
      remaining -= Math.max(n, 0);
      return n;
    }

    @Override
    public int available() throws IOException {
      return (int) Math.min(in.available(), remaining);
    }

    @Override
    public long skip(long n) {
      throw new UnsupportedOperationException("a part is read once, in order");
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    @Override
    public void close() {
      // The file stream is the caller's; the next part reads on from it.
    }
  }
}
