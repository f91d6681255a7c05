package io.stockage;

import java.util.Objects;
import java.util.Optional;

/**
 * The one exception Stockage throws for everything but programming errors (a {@code null}
 * argument stays a JDK exception). Callers switch on {@link #kind()}.
 *
 * <p>The context (operation, mount, item or path) is added once, by the engine, with
 * {@link #withContext(String, String, String)}; backends only choose the kind.
 */
public final class StockageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorKind kind;
  private final transient PolicyReason reason;
  private final transient Capability capability;
  private final String operation;
  private final String mount;
  private final String target;
  private final String lockId;

  private StockageException(Builder b) {
    super(b.message, b.cause);
    this.kind = b.kind;
    this.reason = b.reason;
    this.capability = b.capability;
    this.operation = b.operation;
    this.mount = b.mount;
    this.target = b.target;
    this.lockId = b.lockId;
  }

  /** An exception of the given kind. */
  public static StockageException of(ErrorKind kind, String message) {
    return new Builder(kind, message).build();
  }

  /** An exception of the given kind caused by a backend or JDK exception. */
  public static StockageException of(ErrorKind kind, String message, Throwable cause) {
    Builder b = new Builder(kind, message);
    b.cause = cause;
    return b.build();
  }

  /** A {@link ErrorKind#NOT_FOUND} exception. */
  public static StockageException notFound(String message) {
    return of(ErrorKind.NOT_FOUND, message);
  }

  /** A {@link ErrorKind#POLICY_VIOLATION} exception carrying its reason. */
  public static StockageException policy(PolicyReason reason, String message) {
    Builder b = new Builder(ErrorKind.POLICY_VIOLATION, message);
    b.reason = Objects.requireNonNull(reason);
    return b.build();
  }

  /**
   * A {@link ErrorKind#LOCKED} failure: the target is locked under another lock id, or (with an
   * empty {@code currentLockId}) not locked when the call needs a lock.
   */
  public static StockageException locked(String currentLockId, String message) {
    Builder b = new Builder(ErrorKind.LOCKED, message);
    b.lockId = Objects.requireNonNull(currentLockId, "currentLockId");
    return b.build();
  }

  /** An {@link ErrorKind#UNSUPPORTED} exception naming the missing capability. */
  public static StockageException unsupported(Capability capability, String message) {
    Builder b = new Builder(ErrorKind.UNSUPPORTED, message);
    b.capability = Objects.requireNonNull(capability);
    return b.build();
  }

  /** What went wrong. */
  public ErrorKind kind() {
    return kind;
  }

  /** Whether trying again unchanged may succeed; true for {@link ErrorKind#UNAVAILABLE}. */
  public boolean isRetryable() {
    return kind.isRetryable();
  }

  /** For {@link ErrorKind#POLICY_VIOLATION}: why the policy refused. */
  public Optional<PolicyReason> reason() {
    return Optional.ofNullable(reason);
  }

  /** For {@link ErrorKind#UNSUPPORTED}: the capability the mount lacks. */
  public Optional<Capability> capability() {
    return Optional.ofNullable(capability);
  }

  /** For {@link ErrorKind#LOCKED}: the target's current lock id, empty text when it has none. */
  public Optional<String> lockId() {
    return Optional.ofNullable(lockId);
  }

  /** The engine operation that failed ({@code upload}, {@code open}, ...), when known. */
  public Optional<String> operation() {
    return Optional.ofNullable(operation);
  }

  /** The mount the operation ran on, when known. */
  public Optional<String> mount() {
    return Optional.ofNullable(mount);
  }

  /** The item id or path the operation was about, when known. */
  public Optional<String> target() {
    return Optional.ofNullable(target);
  }

  /**
   * The same failure with the engine's context attached. Context already present is kept: the
   * innermost operation is the most precise.
   */
  public StockageException withContext(String operation, String mount, String target) {
    Builder b = new Builder(kind, super.getMessage());
    b.cause = getCause();
    b.reason = reason;
    b.capability = capability;
    b.lockId = lockId;
    b.operation = this.operation != null ? this.operation : operation;
    b.mount = this.mount != null ? this.mount : mount;
    b.target = this.target != null ? this.target : target;
    StockageException e = b.build();
    e.setStackTrace(getStackTrace());
    return e;
  }

  @Override
  public String getMessage() {
    StringBuilder sb = new StringBuilder().append(kind);
    if (reason != null) {
      sb.append('(').append(reason).append(')');
    }
    if (capability != null) {
      sb.append('(').append(capability).append(')');
    }
    sb.append(": ").append(super.getMessage());
    if (operation != null || mount != null || target != null) {
      sb.append(" [");
      appendContext(sb, "operation", operation);
      appendContext(sb, "mount", mount);
      appendContext(sb, "target", target);
      sb.setLength(sb.length() - 2);
      sb.append(']');
    }
    return sb.toString();
  }

  /** The message without kind or context, as given where the failure was detected. */
  public String detail() {
    return super.getMessage();
  }

  private static void appendContext(StringBuilder sb, String name, String value) {
    if (value != null) {
      sb.append(name).append('=').append(value).append(", ");
    }
  }

  private static final class Builder {
    private final ErrorKind kind;
    private final String message;
    private Throwable cause;
    private PolicyReason reason;
    private Capability capability;
    private String operation;
    private String mount;
    private String target;
    private String lockId;

    Builder(ErrorKind kind, String message) {
      this.kind = Objects.requireNonNull(kind, "kind");
      this.message = Objects.requireNonNull(message, "message");
    }

    StockageException build() {
      return new StockageException(this);
    }
  }
}
