package io.stockage.testkit.conformance;

/**
 * Every suite against {@link ReferenceProvider}, which declares every capability the suites
 * check: the testkit's own build runs the versions, multipart, presign, conditional-write and
 * {@code UNAVAILABLE} tests that core's providers skip.
 */
class ReferenceProviderTest extends StorageProviderConformance {
  @Override
  protected ProviderUnderTest providerUnderTest() {
    ReferenceProvider provider = new ReferenceProvider();
    return ProviderUnderTest.withServer(() -> provider, new ServerControl() {
      @Override
      public void stop() {
        provider.available = false;
      }

      @Override
      public void start() {
        provider.available = true;
      }
    });
  }
}
