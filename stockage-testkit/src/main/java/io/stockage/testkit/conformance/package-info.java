/**
 * Conformance suites for {@link io.stockage.spi.storage.StorageProvider}s: one abstract JUnit 5 class per
 * family of operations, each checking the behaviour bullets of the SPI's Javadoc.
 *
 * <p>A provider's test module writes one class extending {@link
 * io.stockage.testkit.conformance.StorageProviderConformance} (every family, as nested classes)
 * or one per family, and implements {@code providerUnderTest()}:
 * {@link io.stockage.testkit.conformance.ProviderUnderTest#inProcess} for a provider without a
 * server, {@link io.stockage.testkit.conformance.ProviderUnderTest#withServer} with a
 * {@link io.stockage.testkit.conformance.ServerControl} otherwise.
 *
 * <p>The suites work under a random root per class, {@code conformance-<random>/}, record every
 * key they write and delete it after each test, and fail a test that leaves a stream open or an
 * object behind. Tests are gated on the declared capabilities; for each capability a provider
 * does not declare, a test checks that the calls needing it fail with {@code UNSUPPORTED} naming
 * it. {@link io.stockage.testkit.conformance.CapabilityTable} renders the declarations as the
 * README's table.
 */
package io.stockage.testkit.conformance;
