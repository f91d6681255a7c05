package io.stockage.examples.server;

import io.stockage.ErrorKind;
import io.stockage.PolicyReason;
import io.stockage.StockageException;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Maps Stockage's error kinds to HTTP statuses, as {@code application/problem+json} with the kind
 * in a {@code kind} member (and the policy's {@code reason}, when there is one).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class Problems {

  @ExceptionHandler(StockageException.class)
  ProblemDetail stockage(StockageException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status(e), e.detail());
    problem.setType(URI.create("urn:stockage:error:" + e.kind().name().toLowerCase(java.util.Locale.ROOT)));
    problem.setProperty("kind", e.kind().name());
    e.reason().ifPresent(r -> problem.setProperty("reason", r.name()));
    e.capability().ifPresent(c -> problem.setProperty("capability", c.name()));
    return problem;
  }

  @ExceptionHandler(FilesController.PreconditionFailed.class)
  ProblemDetail preconditionFailed(FilesController.PreconditionFailed e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, e.getMessage());
    problem.setProperty("kind", ErrorKind.CONFLICT.name());
    return problem;
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
    return stockage(StockageException.policy(PolicyReason.TOO_LARGE, "the upload exceeds the size limit"));
  }

  static HttpStatus status(StockageException e) {
    return switch (e.kind()) {
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case ALREADY_EXISTS, CONFLICT -> HttpStatus.CONFLICT;
      case LOCKED -> HttpStatus.LOCKED;
      case PERMISSION_DENIED -> HttpStatus.FORBIDDEN;
      case POLICY_VIOLATION -> switch (e.reason().orElse(PolicyReason.INVALID_NAME)) {
        case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
        case TYPE_NOT_ALLOWED, CONTENT_MISMATCH -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
        case INVALID_NAME -> HttpStatus.UNPROCESSABLE_CONTENT;
      };
      case UNSUPPORTED -> HttpStatus.NOT_IMPLEMENTED;
      case INVALID_ARGUMENT -> HttpStatus.BAD_REQUEST;
      case RANGE_NOT_SATISFIABLE -> HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE;
      case QUOTA_EXCEEDED -> HttpStatus.INSUFFICIENT_STORAGE;
      case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
      case CONFIG_INVALID, UNEXPECTED -> HttpStatus.INTERNAL_SERVER_ERROR;
    };
  }
}
