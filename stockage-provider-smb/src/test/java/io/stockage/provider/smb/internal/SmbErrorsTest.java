package io.stockage.provider.smb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.hierynomus.mserref.NtStatus;
import com.hierynomus.mssmb2.SMB2MessageCommandCode;
import com.hierynomus.mssmb2.SMBApiException;
import com.hierynomus.protocol.transport.TransportException;
import com.hierynomus.smbj.common.SMBRuntimeException;
import io.stockage.ErrorKind;
import io.stockage.StockageException;
import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The one place SMB failures become error kinds. */
class SmbErrorsTest {

  private static SMBApiException status(NtStatus status) {
    return new SMBApiException(status.getValue(), SMB2MessageCommandCode.SMB2_CREATE, null);
  }

  @Test
  void map_ntStatuses_giveTheirKinds() {
    Map<NtStatus, ErrorKind> expected = Map.ofEntries(
        Map.entry(NtStatus.STATUS_OBJECT_NAME_NOT_FOUND, ErrorKind.NOT_FOUND),
        Map.entry(NtStatus.STATUS_OBJECT_PATH_NOT_FOUND, ErrorKind.NOT_FOUND),
        Map.entry(NtStatus.STATUS_FILE_IS_A_DIRECTORY, ErrorKind.NOT_FOUND),
        Map.entry(NtStatus.STATUS_DELETE_PENDING, ErrorKind.NOT_FOUND),
        Map.entry(NtStatus.STATUS_ACCESS_DENIED, ErrorKind.PERMISSION_DENIED),
        Map.entry(NtStatus.STATUS_OBJECT_NAME_COLLISION, ErrorKind.ALREADY_EXISTS),
        Map.entry(NtStatus.STATUS_DISK_FULL, ErrorKind.QUOTA_EXCEEDED),
        Map.entry(NtStatus.STATUS_SHARING_VIOLATION, ErrorKind.LOCKED),
        Map.entry(NtStatus.STATUS_OBJECT_NAME_INVALID, ErrorKind.INVALID_ARGUMENT),
        Map.entry(NtStatus.STATUS_LOGON_FAILURE, ErrorKind.CONFIG_INVALID),
        Map.entry(NtStatus.STATUS_BAD_NETWORK_NAME, ErrorKind.CONFIG_INVALID),
        Map.entry(NtStatus.STATUS_NETWORK_NAME_DELETED, ErrorKind.UNAVAILABLE),
        Map.entry(NtStatus.STATUS_USER_SESSION_DELETED, ErrorKind.UNAVAILABLE),
        Map.entry(NtStatus.STATUS_IO_TIMEOUT, ErrorKind.UNAVAILABLE),
        Map.entry(NtStatus.STATUS_INTERNAL_ERROR, ErrorKind.UNEXPECTED));
    expected.forEach((status, kind) -> {
      StockageException e = SmbErrors.map(status(status), "stat", "a/b");
      assertThat(e.kind()).as("kind for %s", status).isEqualTo(kind);
      assertThat(e.isRetryable()).isEqualTo(kind == ErrorKind.UNAVAILABLE);
      assertThat(e.detail()).contains("smb stat a/b", status.name());
    });
  }

  @Test
  void map_brokenRefusedOrSilentConnection_isUnavailable() {
    for (Throwable e : new Throwable[] {
        new SMBRuntimeException(new TransportException("Cannot write packet as transport is disconnected")),
        new ConnectException("Connection refused"),
        new SMBRuntimeException(new TransportException(new TimeoutException("no answer"))),
        new SMBRuntimeException("DiskShare has already been closed")}) {
      assertThat(SmbErrors.isConnectionLoss(e)).as("connection loss: %s", e).isTrue();
      StockageException mapped = SmbErrors.map(e, "read", "k");
      assertThat(mapped.kind()).as("kind for %s", e).isEqualTo(ErrorKind.UNAVAILABLE);
      assertThat(mapped.isRetryable()).isTrue();
    }
  }

  @Test
  void map_otherFailures_areUnexpectedAndStockageExceptionsPass() {
    assertThat(SmbErrors.map(new IllegalStateException("bug"), "read", "k").kind()).isEqualTo(ErrorKind.UNEXPECTED);
    assertThat(SmbErrors.isConnectionLoss(status(NtStatus.STATUS_ACCESS_DENIED))).isFalse();
    StockageException own = StockageException.of(ErrorKind.CONFLICT, "mine");
    assertThat(SmbErrors.map(own, "write", "k")).isSameAs(own);
  }
}
