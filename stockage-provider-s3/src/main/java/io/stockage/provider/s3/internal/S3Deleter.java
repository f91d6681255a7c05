package io.stockage.provider.s3.internal;

import io.stockage.ErrorKind;
import io.stockage.StockageException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;

/** Deletes objects one by one, by the thousand (DeleteObjects), and single versions. */
public final class S3Deleter {
  /** DeleteObjects takes at most this many keys. */
  private static final int BATCH = 1000;

  private final Bucket bucket;

  /** A deleter in the bucket. */
  public S3Deleter(Bucket bucket) {
    this.bucket = bucket;
  }

  /** Deletes the object (a delete marker in a versioned bucket); a missing key is fine. */
  public void delete(String key) {
    String path = bucket.path(key);
    try {
      bucket.client().deleteObject(b -> b.bucket(bucket.name()).key(path));
    } catch (SdkException e) {
      ignoreMissing(S3Errors.map(e, S3Op.DELETE, key));
    }
  }

  /** Deletes one version for good; an unknown version is fine, as a missing key is for delete. */
  public void deleteVersion(String key, String versionId) {
    String path = bucket.path(key);
    try {
      bucket.client().deleteObject(b -> b.bucket(bucket.name()).key(path).versionId(versionId));
    } catch (SdkException e) {
      ignoreMissing(S3Errors.map(e, S3Op.VERSION, key));
    }
  }

  /**
   * Deletes the objects, a thousand per request; missing keys are fine. Every key is checked
   * before anything is deleted.
   *
   * @throws StockageException mapped from the first key S3 could not delete
   */
  public void deleteAll(Collection<String> keys) {
    List<ObjectIdentifier> ids = new ArrayList<>(keys.size());
    for (String key : keys) {
      ids.add(ObjectIdentifier.builder().key(bucket.path(key)).build());
    }
    for (int from = 0; from < ids.size(); from += BATCH) {
      List<ObjectIdentifier> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
      DeleteObjectsResponse r;
      try {
        r = bucket.client().deleteObjects(b -> b.bucket(bucket.name()).delete(d -> d.objects(batch).quiet(true)));
      } catch (SdkException e) {
        throw S3Errors.map(e, S3Op.DELETE, batch.size() + " keys");
      }
      for (S3Error error : r.errors()) {
        if (!"NoSuchKey".equals(error.code())) {
          throw S3Errors.batchError(error.code(), error.message(), bucket.key(error.key()));
        }
      }
    }
  }

  private static void ignoreMissing(StockageException e) {
    if (e.kind() != ErrorKind.NOT_FOUND) {
      throw e;
    }
  }
}
