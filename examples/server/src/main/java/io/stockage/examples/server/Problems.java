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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Maps Stockage's error kinds to HTTP statuses, as {@code application/problem+json} with the kind
 * in a {@code kind} member (and the policy's {@code reason}, when there is one); Spring's own
 * refusals (an unreadable body, a missing parameter, a wrong method) carry a kind too. A 5xx is
 * logged with its cause; its body never carries the cause's text (SQL, paths, stack) for
 * {@code UNEXPECTED} and {@code CONFIG_INVALID}, only an id to find it in the log.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class Problems extends ResponseEntityExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

  @ExceptionHandler(StockageException.class)
  ProblemDetail stockage(StockageException e) {
    return problem(e, status(e));
  }

  /** The problem body of a failure, answered with {@code status} (a protocol may want its own). */
  static ProblemDetail problem(StockageException e, HttpStatus status) {
    String detail = e.detail();
    if (status.is5xxServerError()) {
      String incident = java.util.UUID.randomUUID().toString();
      LOG.error("{} {} (incident {})", status.value(), e.kind(), incident, e);
      if (e.kind() == ErrorKind.UNEXPECTED || e.kind() == ErrorKind.CONFIG_INVALID) {
        detail = "an unexpected error occurred; incident " + incident + " is in the server's log";
      }
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
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

  /** Whatever no one mapped: a 500, logged, without its text. */
  @ExceptionHandler(RuntimeException.class)
  ProblemDetail unexpected(RuntimeException e) {
    return stockage(StockageException.of(ErrorKind.UNEXPECTED, e.toString(), e));
  }

  /** Spring's own problems (400, 405, 406, 415...): with a kind like every other. */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
    if (response != null && response.getBody() instanceof ProblemDetail problem) {
      problem.setProperty("kind", status.is5xxServerError() ? ErrorKind.UNEXPECTED.name()
          : status.value() == 404 ? ErrorKind.NOT_FOUND.name() : ErrorKind.INVALID_ARGUMENT.name());
      if (status.is5xxServerError()) {
        LOG.error("{} from Spring MVC", status.value(), e);
      }
    }
    return response;
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
        case CHECKSUM_MISMATCH -> HttpStatus.BAD_REQUEST;
      };
      case UNSUPPORTED -> HttpStatus.NOT_IMPLEMENTED;
      case INVALID_ARGUMENT -> HttpStatus.BAD_REQUEST;
      case RANGE_NOT_SATISFIABLE -> HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE;
      case QUOTA_EXCEEDED -> HttpStatus.INSUFFICIENT_STORAGE;
      case RESYNC_REQUIRED -> HttpStatus.GONE;
      case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
      case CONFIG_INVALID, UNEXPECTED -> HttpStatus.INTERNAL_SERVER_ERROR;
    };
  }
}
