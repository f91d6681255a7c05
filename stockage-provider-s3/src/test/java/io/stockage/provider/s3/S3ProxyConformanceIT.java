package io.stockage.provider.s3;

import io.stockage.testkit.conformance.ProviderUnderTest;
import io.stockage.testkit.conformance.StorageProviderConformance;
import io.stockage.testkit.s3.ExternalS3;
import io.stockage.testkit.s3.S3ProxyFixture;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every conformance family on S3Proxy: a second S3 dialect that checks signatures and presigned
 * URL expiry, without versioning. S3Proxy's own defects skip the tests
 * {@link ServerQuirks.S3Proxy} names. With {@value ExternalS3#ENDPOINT_ENV} set,
 * {@link S3ExternalConformanceIT} runs instead.
 */
@DisabledIfEnvironmentVariable(named = ExternalS3.ENDPOINT_ENV, matches = ".+")
@ExtendWith(ServerQuirks.S3Proxy.class)
class S3ProxyConformanceIT extends StorageProviderConformance {
  @Override
  protected ProviderUnderTest providerUnderTest() {
    return S3Conformance.on(S3ProxyFixture.shared());
  }
}
