package io.stockage.provider.smb;

import io.stockage.testkit.conformance.ProviderUnderTest;
import io.stockage.testkit.conformance.StorageProviderConformance;
import io.stockage.testkit.smb.SambaFixture;

/**
 * Every conformance family on a real Samba (the testkit's fixture, Debian's smbd with its
 * defaults), which the {@code UNAVAILABLE} check stops and starts. The provider declares
 * {@code WINDOWS_NAMES}: the key suite checks that names Windows reserves are refused.
 */
class SmbConformanceIT extends StorageProviderConformance {
  @Override
  protected ProviderUnderTest providerUnderTest() {
    SambaFixture samba = SambaFixture.shared();
    return ProviderUnderTest.withServer(() -> SmbTestBase.provider(samba, "conformance", b -> { }), samba);
  }
}
