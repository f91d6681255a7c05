package io.stockage.provider.smb;

import io.stockage.testkit.conformance.ProviderUnderTest;
import io.stockage.testkit.conformance.StorageProviderConformance;
import io.stockage.testkit.smb.SambaFixture;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every conformance family on a real Samba (the testkit's fixture, Debian's smbd with its
 * defaults), which the {@code UNAVAILABLE} check stops and starts. The one test whose key SMB
 * cannot name is skipped by {@link WindowsNames}, which says why.
 */
@ExtendWith(WindowsNames.class)
class SmbConformanceIT extends StorageProviderConformance {
  @Override
  protected ProviderUnderTest providerUnderTest() {
    SambaFixture samba = SambaFixture.shared();
    return ProviderUnderTest.withServer(() -> SmbTestBase.provider(samba, "conformance", b -> { }), samba);
  }
}
