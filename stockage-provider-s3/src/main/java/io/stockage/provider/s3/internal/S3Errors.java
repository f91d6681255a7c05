package io.stockage.provider.s3.internal;

import io.stockage.ErrorKind;
import io.stockage.StockageException;
import java.io.IOException;
import java.util.Set;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Maps the SDK's exceptions to error kinds: the one place this provider does it.
 *
 * <p>It goes by HTTP status and S3 error code, never by exception subclass: the SDK raises a bare
 * {@link S3Exception} for some 404s ({@code HeadObject} has no body to carry a code,
 * aws-sdk-java-v2 #297), and S3-compatible services differ in the codes they send.
 */
public final class S3Errors {
  // AWS documents these as "retry the request": a socket the server gave up on, throttling.
  private static final Set<String> TRANSIENT_CODES = Set.of(
      "RequestTimeout", "SlowDown", "Throttling", "ThrottlingException",
      "InternalError", "ServiceUnavailable");
  private static final Set<String> INVALID_CODES = Set.of(
      "EntityTooSmall", "EntityTooLarge", "InvalidPart", "InvalidPartOrder", "KeyTooLongError",
      "MaxMessageLengthExceeded", "IncompleteBody");

  private S3Errors() {}

  /** The exception to throw for an SDK failure of the operation on the key. */
  public static StockageException map(SdkException e, S3Op op, String key) {
    if (e instanceof S3Exception s3) {
      return service(s3, op, key);
    }
    String what = "s3 " + op.verb() + " " + key;
    if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException || hasIoCause(e)) {
      return StockageException.of(ErrorKind.UNAVAILABLE, what + ": service unreachable: " + e.getMessage(), e);
    }
    return StockageException.of(ErrorKind.UNEXPECTED, what + ": " + e.getMessage(), e);
  }

  /**
   * The exception to throw for a runtime exception out of an SDK call: SDK failures are mapped,
   * a body the SDK could not replay after a network failure is {@code UNAVAILABLE} (the caller may
   * write again with a fresh stream), anything else passes unchanged.
   */
  public static RuntimeException translate(RuntimeException e, S3Op op, String key) {
    if (e instanceof SdkException sdk) {
      return map(sdk, op, key);
    }
    if (e instanceof SourceStream.NotReplayable) {
      return StockageException.of(ErrorKind.UNAVAILABLE, "s3 " + op.verb() + " " + key + ": " + e.getMessage(), e);
    }
    return e;
  }

  /** The exception to throw when a connection fails while the provider itself reads or writes it. */
  public static StockageException io(IOException e, S3Op op, String key) {
    return StockageException.of(ErrorKind.UNAVAILABLE,
        "s3 " + op.verb() + " " + key + ": connection failed: " + e.getMessage(), e);
  }

  /** The exception for one key a DeleteObjects request could not delete (no HTTP status there). */
  public static StockageException batchError(String code, String message, String key) {
    ErrorKind kind = "AccessDenied".equals(code) ? ErrorKind.PERMISSION_DENIED
        : TRANSIENT_CODES.contains(code) ? ErrorKind.UNAVAILABLE : ErrorKind.UNEXPECTED;
    return StockageException.of(kind, "s3 delete " + key + ": " + code + " (" + message + ")");
  }

  /** The S3 error code, or the empty string when the response had none (a HEAD). */
  public static String code(S3Exception e) {
    return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null
        ? "" : e.awsErrorDetails().errorCode();
  }

  private static StockageException service(S3Exception e, S3Op op, String key) {
    String code = code(e);
    int status = e.statusCode();
    String what = "s3 " + op.verb() + " " + key + ": " + (code.isEmpty() ? "HTTP" : code) + " (" + status + ")";
    return StockageException.of(kind(status, code, op, e.isThrottlingException()), what, e);
  }

  static ErrorKind kind(int status, String code, S3Op op, boolean throttling) {
    if ("NoSuchBucket".equals(code)) {
      return ErrorKind.CONFIG_INVALID;
    }
    if (throttling || TRANSIENT_CODES.contains(code)) {
      return ErrorKind.UNAVAILABLE;
    }
    return switch (status) {
      case 404 -> op.missing();
      case 412 -> op.preconditionFailed();
      case 403 -> ErrorKind.PERMISSION_DENIED;
      case 416 -> ErrorKind.RANGE_NOT_SATISFIABLE;
      case 409 -> ErrorKind.CONFLICT;
      // GET of a version that is a delete marker is 405 on AWS S3.
      case 405 -> op == S3Op.VERSION ? ErrorKind.NOT_FOUND : ErrorKind.UNEXPECTED;
      case 400 -> badRequest(code, op);
      case 429 -> ErrorKind.UNAVAILABLE;
      // Not implemented by this service: trying again will not help.
      case 501 -> ErrorKind.UNEXPECTED;
      default -> status >= 500 ? ErrorKind.UNAVAILABLE : ErrorKind.UNEXPECTED;
    };
  }

  private static ErrorKind badRequest(String code, S3Op op) {
    // AWS S3 answers a malformed version id with 400 InvalidArgument: no such version.
    if (op == S3Op.VERSION && "InvalidArgument".equals(code)) {
      return ErrorKind.NOT_FOUND;
    }
    if ("InvalidRange".equals(code)) {
      return ErrorKind.RANGE_NOT_SATISFIABLE;
    }
    return INVALID_CODES.contains(code) ? ErrorKind.INVALID_ARGUMENT : ErrorKind.UNEXPECTED;
  }

  private static boolean hasIoCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException || t instanceof java.io.UncheckedIOException) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
