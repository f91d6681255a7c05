package io.stockage.provider.smb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.stockage.ErrorKind;
import io.stockage.StockageException;
import io.stockage.spi.storage.ObjectContent;
import io.stockage.spi.storage.ObjectInfo;
import io.stockage.spi.storage.WriteOptions;
import io.stockage.testkit.smb.SambaFixture;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Providers on the shared Samba fixture, and small helpers for the SMB tests. */
final class SmbTestBase {
  private SmbTestBase() {}

  /** A builder for the fixture's share, under the folder ({@code ""} for the share's root). */
  static SmbStorageProviderBuilder builder(SambaFixture samba, String folder) {
    return SmbStorageProvider.builder().host(samba.host()).port(samba.port()).share(samba.share())
        .username(samba.username()).password(samba.password()).path(folder).timeout(Duration.ofSeconds(20));
  }

  /** A provider on the fixture's share, under the folder, adjusted by the caller. */
  static SmbStorageProvider provider(SambaFixture samba, String folder, Consumer<SmbStorageProviderBuilder> adjust) {
    SmbStorageProviderBuilder builder = builder(samba, folder);
    adjust.accept(builder);
    return builder.build();
  }

  /** Random bytes, the same for the same seed. */
  static byte[] bytes(int size, long seed) {
    byte[] data = new byte[size];
    new Random(seed).nextBytes(data);
    return data;
  }

  /** Writes the bytes under the key. */
  static ObjectInfo put(SmbStorageProvider provider, String key, byte[] data) {
    return provider.write(key, new ByteArrayInputStream(data), WriteOptions.defaults().withLength(data.length));
  }

  /** The object's bytes. */
  static byte[] read(SmbStorageProvider provider, String key) {
    try (ObjectContent content = provider.read(key, Optional.empty())) {
      return content.stream().readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Asserts that the call fails with a {@link StockageException} of the kind, and returns it. */
  static StockageException assertKind(ErrorKind kind, ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).as("expected a StockageException of kind %s", kind).isInstanceOf(StockageException.class);
    StockageException e = (StockageException) thrown;
    assertThat(e.kind()).as("kind of %s", e).isEqualTo(kind);
    return e;
  }
}
