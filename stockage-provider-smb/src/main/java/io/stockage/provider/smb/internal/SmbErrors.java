package io.stockage.provider.smb.internal;

import com.hierynomus.mserref.NtStatus;
import com.hierynomus.mssmb2.SMBApiException;
import com.hierynomus.protocol.transport.TransportException;
import com.hierynomus.smbj.common.SMBRuntimeException;
import io.stockage.ErrorKind;
import io.stockage.StockageException;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Maps smbj's exceptions to error kinds: the one place this provider does it.
 *
 * <p>smbj reports a server's answer as an {@link SMBApiException} carrying the NT status, and a
 * broken or silent connection as a {@code TransportException} (or an {@link IOException} or
 * {@link TimeoutException}) inside an {@code SMBRuntimeException}; a refused connection is an
 * {@link IOException}. Any of the latter, and the statuses saying the session or tree connect is
 * gone, are {@code UNAVAILABLE}: the session then opens a new connection on the next call.
 */
public final class SmbErrors {
  /** A name that does not exist, or is not a file where a file is wanted. */
  private static final Set<NtStatus> MISSING = Set.of(NtStatus.STATUS_OBJECT_NAME_NOT_FOUND,
      NtStatus.STATUS_OBJECT_PATH_NOT_FOUND, NtStatus.STATUS_NO_SUCH_FILE, NtStatus.STATUS_NOT_FOUND,
      // A folder where a file is wanted, or a file where a folder is: no object there.
      NtStatus.STATUS_FILE_IS_A_DIRECTORY, NtStatus.STATUS_NOT_A_DIRECTORY,
      // Being deleted: new opens are refused until the last handle closes.
      NtStatus.STATUS_DELETE_PENDING, NtStatus.STATUS_FILE_DELETED);
  /** The session or tree connect is gone, or the server is overloaded: a new connection may work. */
  private static final Set<NtStatus> GONE = Set.of(NtStatus.STATUS_NETWORK_NAME_DELETED,
      NtStatus.STATUS_USER_SESSION_DELETED, NtStatus.STATUS_NETWORK_SESSION_EXPIRED,
      NtStatus.STATUS_CONNECTION_DISCONNECTED, NtStatus.STATUS_CONNECTION_RESET, NtStatus.STATUS_IO_TIMEOUT,
      NtStatus.STATUS_INSUFF_SERVER_RESOURCES, NtStatus.STATUS_INSUFFICIENT_RESOURCES,
      NtStatus.STATUS_REQUEST_NOT_ACCEPTED, NtStatus.STATUS_VOLUME_DISMOUNTED);
  /** The configuration is wrong: credentials refused, no such share. */
  private static final Set<NtStatus> MISCONFIGURED = Set.of(NtStatus.STATUS_LOGON_FAILURE,
      NtStatus.STATUS_ACCOUNT_DISABLED, NtStatus.STATUS_PASSWORD_EXPIRED, NtStatus.STATUS_LOGON_TYPE_NOT_GRANTED,
      NtStatus.STATUS_BAD_NETWORK_NAME, NtStatus.STATUS_BAD_NETWORK_PATH);

  private SmbErrors() {}

  /**
   * The exception to throw for a failure of the operation on the target (a key or folder).
   * A {@link StockageException} passes unchanged.
   */
  public static StockageException map(Throwable e, String operation, String target) {
    if (e instanceof StockageException se) {
      return se;
    }
    String what = "smb " + operation + " " + target;
    Optional<NtStatus> status = status(e);
    if (status.isPresent()) {
      return StockageException.of(kind(status.get()), what + ": " + status.get(), e);
    }
    if (isConnectionLoss(e)) {
      return StockageException.of(ErrorKind.UNAVAILABLE, what + ": server unreachable: " + e.getMessage(), e);
    }
    return StockageException.of(ErrorKind.UNEXPECTED, what + ": " + e, e);
  }

  /** The kind for an NT status. */
  static ErrorKind kind(NtStatus status) {
    if (MISSING.contains(status)) {
      return ErrorKind.NOT_FOUND;
    }
    if (GONE.contains(status)) {
      return ErrorKind.UNAVAILABLE;
    }
    if (MISCONFIGURED.contains(status)) {
      return ErrorKind.CONFIG_INVALID;
    }
    return switch (status) {
      case STATUS_ACCESS_DENIED, STATUS_PRIVILEGE_NOT_HELD, STATUS_CANNOT_DELETE -> ErrorKind.PERMISSION_DENIED;
      case STATUS_OBJECT_NAME_COLLISION -> ErrorKind.ALREADY_EXISTS;
      case STATUS_DISK_FULL -> ErrorKind.QUOTA_EXCEEDED;
      // Another client holds the file open without sharing, or a byte range of it locked.
      case STATUS_SHARING_VIOLATION, STATUS_FILE_LOCK_CONFLICT, STATUS_LOCK_NOT_GRANTED -> ErrorKind.LOCKED;
      case STATUS_OBJECT_NAME_INVALID, STATUS_NAME_TOO_LONG -> ErrorKind.INVALID_ARGUMENT;
      case STATUS_DIRECTORY_NOT_EMPTY -> ErrorKind.CONFLICT;
      default -> ErrorKind.UNEXPECTED;
    };
  }

  /** The NT status of a server's answer, when the failure is one. */
  public static Optional<NtStatus> status(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SMBApiException api) {
        return Optional.of(api.getStatus());
      }
    }
    return Optional.empty();
  }

  /** Whether the failure is the server's answer with one of these statuses. */
  public static boolean is(Throwable e, NtStatus... statuses) {
    Optional<NtStatus> status = status(e);
    return status.isPresent() && Set.of(statuses).contains(status.get());
  }

  /** Whether the failure means there is no file there (see {@link #MISSING}). */
  public static boolean isMissing(Throwable e) {
    return status(e).map(MISSING::contains).orElse(false);
  }

  /**
   * Whether the failure means the connection is unusable: it broke, was refused, timed out, or
   * the server dropped the session; a new connection may work.
   */
  public static boolean isConnectionLoss(Throwable e) {
    Optional<NtStatus> status = status(e);
    if (status.isPresent()) {
      return GONE.contains(status.get());
    }
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof TransportException || t instanceof IOException || t instanceof TimeoutException
          || isClosedShare(t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * smbj's "DiskShare has already been closed": a call raced the failure of its connection, whose
   * sessions and shares smbj closes when the connection breaks.
   */
  private static boolean isClosedShare(Throwable t) {
    return t instanceof SMBRuntimeException && !(t instanceof SMBApiException) && t.getCause() == null
        && String.valueOf(t.getMessage()).endsWith("has already been closed");
  }
}
