package io.stockage.core.memory;

import io.stockage.testkit.conformance.ProviderUnderTest;
import io.stockage.testkit.conformance.StorageProviderConformance;

/** The memory provider against every conformance suite. */
class MemoryProviderTest extends StorageProviderConformance {
  @Override
  protected ProviderUnderTest providerUnderTest() {
    return ProviderUnderTest.inProcess(MemoryProvider::create);
  }
}
