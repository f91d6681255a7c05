package io.stockage.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stockage.ErrorKind;
import io.stockage.StockageException;
import io.stockage.spi.storage.WriteOptions;
import java.io.ByteArrayInputStream;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Error kinds not covered by an operation's own suite: {@code NOT_FOUND} for what is not an
 * object (a missing key, a folder name, a key under an object), and {@code UNAVAILABLE},
 * retryable, while the provider's server is stopped, with recovery once it is back.
 */
public abstract class ErrorsConformance extends ConformanceSuite {

  /** For subclasses. */
  protected ErrorsConformance() {}

  @Test
  void stat_missingKey_isNotFound() {
    StockageException e = assertFails(ErrorKind.NOT_FOUND, () -> provider().stat(key("missing")));
    assertThat(e.isRetryable()).isFalse();
  }

  @Test
  void read_missingKey_isNotFound() {
    assertFails(ErrorKind.NOT_FOUND, () -> provider().read(key("missing"), Optional.empty()));
    assertFails(ErrorKind.NOT_FOUND, () -> provider().read(key("missing/deeper/still"), Optional.empty()));
  }

  @Test
  void statAndRead_folderName_isNotFound() {
    put(key("folder/object"), Bytes.random(10, 1));
    assertFails(ErrorKind.NOT_FOUND, () -> provider().stat(key("folder")));
    assertFails(ErrorKind.NOT_FOUND, () -> provider().read(key("folder"), Optional.empty()));
  }

  @Test
  void statAndRead_keyUnderAnObject_isNotFound() {
    put(key("object"), Bytes.random(10, 2));
    assertFails(ErrorKind.NOT_FOUND, () -> provider().stat(key("object/child")));
    assertFails(ErrorKind.NOT_FOUND, () -> provider().read(key("object/child"), Optional.empty()));
  }

  @Test
  @DisplayName("calls_serverStopped_areUnavailableThenRecover (skipped only for in-process providers: no server to stop)")
  void calls_serverStopped_areUnavailableThenRecover() {
    assumeTrue(server().isPresent(), "in-process provider: there is no server to stop");
    ServerControl control = server().orElseThrow();
    byte[] data = Bytes.random(1000, 3);
    put(key("before"), data);
    control.stop();
    try {
      assertUnavailable(() -> provider().stat(key("before")));
      assertUnavailable(() -> provider().read(key("before"), Optional.empty()).close());
      assertUnavailable(() -> provider().write(key("during"), new ByteArrayInputStream(data), WriteOptions.defaults()));
      assertUnavailable(() -> provider().list(root(), Optional.empty(), 10));
      assertUnavailable(() -> provider().delete(key("before")));
    } finally {
      control.start();
    }
    put(key("after"), data);
    Bytes.assertSame(read(key("after")), data, "object written after the server came back");
  }

  private static void assertUnavailable(ThrowingCallable call) {
    StockageException e = assertFails(ErrorKind.UNAVAILABLE, call);
    assertThat(e.isRetryable()).as("UNAVAILABLE is retryable").isTrue();
  }
}
