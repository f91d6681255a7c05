package io.stockage.provider.s3.internal;

import io.stockage.ErrorKind;
import io.stockage.StockageException;
import io.stockage.spi.storage.ObjectInfo;
import io.stockage.spi.storage.ObjectKeys;
import io.stockage.spi.storage.ObjectPage;
import io.stockage.spi.storage.ObjectVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Lists keys (ListObjectsV2 with a {@code StartAfter} cursor) and the versions of a key. */
public final class S3Lister {
  /** S3 returns at most this many keys per request. */
  private static final int MAX_PAGE = 1000;

  private final Bucket bucket;

  /** A lister of the bucket. */
  public S3Lister(Bucket bucket) {
    this.bucket = bucket;
  }

  /**
   * One page of the keys starting with the prefix, strictly after {@code after}. The cursor is
   * the last key of the page, so it stays valid across processes and restarts, unlike S3's
   * continuation tokens.
   */
  public ObjectPage list(String prefix, Optional<String> after, int limit) {
    ObjectKeys.checkPrefix(prefix, bucket.maxKeyLength());
    if (limit < 1) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "list limit must be >= 1: " + limit);
    }
    ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(bucket.name())
        .prefix(bucket.prefix() + prefix).maxKeys(Math.min(limit, MAX_PAGE));
    after.ifPresent(a -> request.startAfter(bucket.prefix() + a));
    try {
      ListObjectsV2Response r = bucket.client().listObjectsV2(request.build());
      // A truncated page may come back empty; follow the token until keys or the end come.
      while (r.contents().isEmpty() && Boolean.TRUE.equals(r.isTruncated())) {
        r = bucket.client().listObjectsV2(request.continuationToken(r.nextContinuationToken()).build());
      }
      List<ObjectInfo> objects = r.contents().stream().map(this::info).toList();
      Optional<String> next = Boolean.TRUE.equals(r.isTruncated()) && !objects.isEmpty()
          ? Optional.of(objects.get(objects.size() - 1).key()) : Optional.empty();
      return new ObjectPage(objects, next);
    } catch (SdkException e) {
      throw S3Errors.map(e, S3Op.LIST, prefix);
    }
  }

  /** The versions and delete markers of exactly this key, newest first. */
  public List<ObjectVersion> versions(String key) {
    String path = bucket.path(key);
    List<ObjectVersion> versions = new ArrayList<>();
    try {
      for (ListObjectVersionsResponse page
          : bucket.client().listObjectVersionsPaginator(b -> b.bucket(bucket.name()).prefix(path))) {
        page.versions().stream().filter(v -> v.key().equals(path)).forEach(v -> versions.add(
            new ObjectVersion(key, v.versionId(), v.size(), v.lastModified(), v.isLatest(), false)));
        page.deleteMarkers().stream().filter(m -> m.key().equals(path)).forEach(m -> versions.add(
            new ObjectVersion(key, m.versionId(), 0, m.lastModified(), m.isLatest(), true)));
      }
    } catch (SdkException e) {
      throw S3Errors.map(e, S3Op.LIST, key);
    }
    // S3 lists versions and delete markers apart, each newest first: merge them (stable sort).
    versions.sort(Comparator.comparing(ObjectVersion::latest).reversed()
        .thenComparing(ObjectVersion::lastModified, Comparator.reverseOrder()));
    return versions;
  }

  private ObjectInfo info(S3Object o) {
    return ObjectInfo.of(bucket.key(o.key()), o.size(), o.lastModified(), Optional.ofNullable(o.eTag()));
  }
}
