package io.stockage.provider.s3.internal;

import io.stockage.ErrorKind;

/**
 * The operations whose S3 errors {@link S3Errors} maps, with what a failed precondition (412) and
 * a missing object (404) mean for each.
 */
public enum S3Op {
  /** HEAD of an object. */
  STAT("stat", ErrorKind.CONFLICT, ErrorKind.NOT_FOUND),
  /** GET of an object or a range. */
  READ("read", ErrorKind.CONFLICT, ErrorKind.NOT_FOUND),
  /** An unconditional PUT or multipart write. */
  WRITE("write", ErrorKind.CONFLICT, ErrorKind.NOT_FOUND),
  /** A write with {@code If-None-Match: *}: 412 means the key exists. */
  WRITE_IF_ABSENT("create", ErrorKind.ALREADY_EXISTS, ErrorKind.NOT_FOUND),
  /** A write with {@code If-Match}: 412 means another etag, 404 that nothing is there to match. */
  WRITE_IF_MATCH("replace", ErrorKind.CONFLICT, ErrorKind.CONFLICT),
  /** DELETE of an object. */
  DELETE("delete", ErrorKind.CONFLICT, ErrorKind.NOT_FOUND),
  /** Listing keys, versions or uploads. */
  LIST("list", ErrorKind.CONFLICT, ErrorKind.NOT_FOUND),
  /** Server-side copy, pinned to the source's etag: 412 means the source changed meanwhile. */
  COPY("copy", ErrorKind.CONFLICT, ErrorKind.NOT_FOUND),
  /** GET or DELETE of one version: an unknown or malformed id, or a delete marker, is not found. */
  VERSION("version", ErrorKind.CONFLICT, ErrorKind.NOT_FOUND),
  /** Calls on a multipart upload: 404 {@code NoSuchUpload} means completed, aborted or expired. */
  MULTIPART("multipart upload", ErrorKind.CONFLICT, ErrorKind.NOT_FOUND),
  /** Presigning (local: only credential lookups fail). */
  PRESIGN("presign", ErrorKind.CONFLICT, ErrorKind.NOT_FOUND),
  /** The versioning probe at build time. */
  PROBE("probe bucket", ErrorKind.CONFLICT, ErrorKind.NOT_FOUND);

  private final String verb;
  private final ErrorKind preconditionFailed;
  private final ErrorKind missing;

  S3Op(String verb, ErrorKind preconditionFailed, ErrorKind missing) {
    this.verb = verb;
    this.preconditionFailed = preconditionFailed;
    this.missing = missing;
  }

  /** The verb for messages. */
  String verb() {
    return verb;
  }

  /** What HTTP 412 means for this operation. */
  ErrorKind preconditionFailed() {
    return preconditionFailed;
  }

  /** What HTTP 404 means for this operation. */
  ErrorKind missing() {
    return missing;
  }
}
