package io.stockage.testkit.conformance;

import io.stockage.spi.storage.StorageProvider;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a provider's conformance test hands the suites: how to create the provider and, when it
 * talks to a server, how to stop and start that server.
 *
 * <p>Choosing {@link #inProcess} is a statement that there is no server to stop: the suites then
 * skip the {@code UNAVAILABLE} check and say so. A provider with a server passes its
 * {@link ServerControl} with {@link #withServer}.
 */
public interface ProviderUnderTest {

  /**
   * Creates the provider. Each suite class calls it once, uses the provider for all its tests and
   * closes it after the last one.
   */
  StorageProvider create();

  /** The server behind the provider; empty for a provider that works in-process. */
  Optional<ServerControl> server();

  /** A provider without a server (memory, local file system). */
  static ProviderUnderTest inProcess(Supplier<? extends StorageProvider> factory) {
    Objects.requireNonNull(factory, "factory");
    return new ProviderUnderTest() {
      @Override
      public StorageProvider create() {
        return factory.get();
      }

      @Override
      public Optional<ServerControl> server() {
        return Optional.empty();
      }
    };
  }

  /** A provider that talks to a server the suites may stop and start. */
  static ProviderUnderTest withServer(Supplier<? extends StorageProvider> factory, ServerControl server) {
    Objects.requireNonNull(factory, "factory");
    Objects.requireNonNull(server, "server");
    return new ProviderUnderTest() {
      @Override
      public StorageProvider create() {
        return factory.get();
      }

      @Override
      public Optional<ServerControl> server() {
        return Optional.of(server);
      }
    };
  }
}
