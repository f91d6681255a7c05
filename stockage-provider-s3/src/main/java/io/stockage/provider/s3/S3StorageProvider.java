package io.stockage.provider.s3;

import io.stockage.ByteRange;
import io.stockage.Capabilities;
import io.stockage.Capability;
import io.stockage.Limits;
import io.stockage.StockageException;
import io.stockage.provider.s3.internal.Bucket;
import io.stockage.provider.s3.internal.S3Clients;
import io.stockage.provider.s3.internal.S3Deleter;
import io.stockage.provider.s3.internal.S3Lister;
import io.stockage.provider.s3.internal.S3MultipartWrite;
import io.stockage.provider.s3.internal.S3Presign;
import io.stockage.provider.s3.internal.S3Reader;
import io.stockage.provider.s3.internal.S3Writer;
import io.stockage.spi.storage.MultipartWrite;
import io.stockage.spi.storage.ObjectContent;
import io.stockage.spi.storage.ObjectInfo;
import io.stockage.spi.storage.ObjectPage;
import io.stockage.spi.storage.ObjectVersion;
import io.stockage.spi.storage.StorageProvider;
import io.stockage.spi.storage.WriteOptions;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Stores objects in an S3 bucket (AWS S3, MinIO, Ceph RGW, SeaweedFS...), under an optional key
 * prefix, with the AWS SDK for Java 2.
 *
 * <pre>{@code
 * StorageProvider s3 = S3StorageProvider.builder()
 *     .endpoint(URI.create("http://127.0.0.1:9000")).pathStyle(true)
 *     .credentials(accessKey, secretKey)
 *     .bucket("documents").prefix("stockage/")
 *     .build();
 * }</pre>
 *
 * <ul>
 *   <li>writes stream: a known length up to the multipart threshold is one PUT from the caller's
 *       stream; otherwise parts of the part size are read one at a time into one buffer, and a
 *       failed multipart upload is aborted;</li>
 *   <li>conditional writes use {@code If-None-Match: *} (412: {@code ALREADY_EXISTS}) and
 *       {@code If-Match} (412: {@code CONFLICT});</li>
 *   <li>{@code NATIVE_VERSIONING} is declared when the bucket had versioning enabled at build
 *       time;</li>
 *   <li>an upload the provider could not abort (the service was down) stays open until
 *       {@link #abortIncompleteUploads(Instant)} or a bucket lifecycle rule removes it.</li>
 * </ul>
 */
public final class S3StorageProvider implements StorageProvider {
  private static final long MIN_PART = S3StorageProviderBuilder.MIN_PART_SIZE;
  private static final long MAX_PART = 5L << 30;

  private final S3Config config;
  private final S3Clients clients;
  private final Bucket bucket;
  private final Capabilities capabilities;
  private final S3Reader reader;
  private final S3Writer writer;
  private final S3Lister lister;
  private final S3Deleter deleter;
  private final S3Presign presign;

  private S3StorageProvider(S3Config config, S3Clients clients, boolean versioned) {
    this.config = config;
    this.clients = clients;
    this.bucket = new Bucket(clients.client(), config.bucket(), config.prefix(), versioned);
    this.reader = new S3Reader(bucket);
    this.writer = new S3Writer(bucket, reader, config.multipartThreshold(), config.partSize());
    this.lister = new S3Lister(bucket);
    this.deleter = new S3Deleter(bucket);
    this.presign = new S3Presign(bucket, clients.presigner());
    this.capabilities = new Capabilities(capabilitySet(config, versioned),
        new Limits(writer.maxObjectSize(), MIN_PART, MAX_PART, bucket.maxKeyLength()));
  }

  /** A builder; {@link S3StorageProviderBuilder#bucket(String)} is the one required setting. */
  public static S3StorageProviderBuilder builder() {
    return new S3StorageProviderBuilder();
  }

  static S3StorageProvider open(S3Config config) {
    S3Clients clients = S3Clients.create(config);
    try {
      return new S3StorageProvider(config, clients, clients.versioningEnabled(config.bucket()));
    } catch (RuntimeException e) {
      clients.close();
      throw e;
    }
  }

  private static Set<Capability> capabilitySet(S3Config config, boolean versioned) {
    Set<Capability> set = EnumSet.of(Capability.READ_RANGE, Capability.WRITE_ATOMIC, Capability.MULTIPART_UPLOAD,
        Capability.COPY_SERVER_SIDE, Capability.PRESIGN_READ, Capability.PRESIGN_WRITE, Capability.LIST_PAGED);
    if (config.conditionalWrites()) {
      set.add(Capability.WRITE_CONDITIONAL);
    }
    if (versioned) {
      set.add(Capability.NATIVE_VERSIONING);
    }
    return set;
  }

  /** The configuration it was built with (credentials are never shown by its {@code toString}). */
  public S3Config config() {
    return config;
  }

  @Override
  public String scheme() {
    return "s3";
  }

  @Override
  public Capabilities capabilities() {
    return capabilities;
  }

  @Override
  public ObjectInfo stat(String key) {
    return reader.stat(key);
  }

  @Override
  public ObjectContent read(String key, Optional<ByteRange> range) {
    return reader.read(key, Optional.empty(), range);
  }

  @Override
  public ObjectInfo write(String key, InputStream data, WriteOptions options) {
    if (options.ifAbsent() || options.ifMatch().isPresent()) {
      capabilities.require(Capability.WRITE_CONDITIONAL, "a conditional write");
    }
    return writer.write(key, data, options);
  }

  @Override
  public void delete(String key) {
    deleter.delete(key);
  }

  /**
   * Deletes many objects, a thousand per request (S3 DeleteObjects); missing keys are fine.
   *
   * @throws StockageException mapped from the first key that could not be deleted
   */
  public void deleteAll(Collection<String> keys) {
    deleter.deleteAll(keys);
  }

  @Override
  public ObjectPage list(String prefix, Optional<String> after, int limit) {
    return lister.list(prefix, after, limit);
  }

  /** Copies server-side; a source over 5 GiB is streamed through the client in parts instead. */
  @Override
  public ObjectInfo copy(String source, String target) {
    return writer.copy(source, target);
  }

  /** Copies server-side, then deletes the source; a move onto itself leaves the object as it is. */
  @Override
  public ObjectInfo move(String source, String target) {
    ObjectInfo moved = writer.copy(source, target);
    if (!source.equals(target)) {
      deleter.delete(source);
    }
    return moved;
  }

  @Override
  public URI presignRead(String key, Duration ttl, Optional<String> downloadName) {
    return presign.read(key, ttl, downloadName);
  }

  @Override
  public URI presignWrite(String key, Duration ttl) {
    return presign.write(key, ttl);
  }

  @Override
  public List<ObjectVersion> versions(String key) {
    capabilities.require(Capability.NATIVE_VERSIONING, "listing versions");
    return lister.versions(key);
  }

  @Override
  public ObjectContent readVersion(String key, String versionId, Optional<ByteRange> range) {
    capabilities.require(Capability.NATIVE_VERSIONING, "reading a version");
    return reader.read(key, Optional.of(versionId), range);
  }

  /** Deletes one version for good; an unknown version is fine, as a missing key is for delete. */
  @Override
  public void deleteVersion(String key, String versionId) {
    capabilities.require(Capability.NATIVE_VERSIONING, "deleting a version");
    deleter.deleteVersion(key, versionId);
  }

  /**
   * Starts a multipart upload. A condition in the options ({@code ifAbsent}, {@code ifMatch}) is
   * checked by S3 on completion.
   */
  @Override
  public MultipartWrite beginMultipart(String key, WriteOptions options) {
    if (options.ifAbsent() || options.ifMatch().isPresent()) {
      capabilities.require(Capability.WRITE_CONDITIONAL, "a conditional write");
    }
    return S3MultipartWrite.begin(bucket, key, options);
  }

  /** Takes up an open upload; it completes without the condition it may have been begun with. */
  @Override
  public MultipartWrite resumeMultipart(String key, String uploadId) {
    return S3MultipartWrite.resume(bucket, key, uploadId);
  }

  /**
   * Aborts the multipart uploads under this provider's prefix begun before the instant, and
   * returns how many it aborted. Uploads are left open when a write fails while the service is
   * unreachable (the abort fails too); a periodic pass (the reconciler) calls this with an
   * instant older than any upload still in use, e.g. now less the upload session expiry. A bucket
   * lifecycle rule {@code AbortIncompleteMultipartUpload} does the same on AWS S3.
   */
  @Override
  public int abortIncompleteUploads(Instant initiatedBefore) {
    return S3MultipartWrite.abortIncomplete(bucket, initiatedBefore);
  }

  @Override
  public void close() {
    clients.close();
  }

  /** Names the bucket, prefix and endpoint; never the credentials. */
  @Override
  public String toString() {
    return "S3StorageProvider[bucket=" + config.bucket() + ", prefix=" + config.prefix()
        + config.endpoint().map(e -> ", endpoint=" + e).orElse("") + ", region=" + config.region()
        + (bucket.versioned() ? ", versioned" : "") + "]";
  }
}
