package io.stockage.provider.s3;

import io.stockage.testkit.conformance.ProviderUnderTest;
import io.stockage.testkit.conformance.StorageProviderConformance;
import io.stockage.testkit.s3.ExternalS3;
import io.stockage.testkit.s3.S3MockFixture;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every conformance family on S3Mock, plain buckets (the version families check only that the
 * calls are {@code UNSUPPORTED}; {@link S3MockVersionsConformanceIT} runs them on a versioned
 * bucket). S3Mock's own defects skip the tests {@link ServerQuirks.S3Mock} names. With
 * {@value ExternalS3#ENDPOINT_ENV} set, {@link S3ExternalConformanceIT} runs instead.
 */
@DisabledIfEnvironmentVariable(named = ExternalS3.ENDPOINT_ENV, matches = ".+")
@ExtendWith(ServerQuirks.S3Mock.class)
class S3MockConformanceIT extends StorageProviderConformance {
  @Override
  protected ProviderUnderTest providerUnderTest() {
    return S3Conformance.on(S3MockFixture.shared());
  }
}
