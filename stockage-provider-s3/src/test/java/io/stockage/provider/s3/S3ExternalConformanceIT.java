package io.stockage.provider.s3;

import io.stockage.testkit.conformance.ProviderUnderTest;
import io.stockage.testkit.conformance.StorageProviderConformance;
import io.stockage.testkit.s3.ExternalS3;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Every conformance family against the S3 service {@value ExternalS3#ENDPOINT_ENV} names (AWS S3,
 * MinIO, Ceph), under a fresh prefix of its bucket; the version families run when the bucket has
 * versioning. Skipped when the variable is not set.
 */
@EnabledIfEnvironmentVariable(named = ExternalS3.ENDPOINT_ENV, matches = ".+")
class S3ExternalConformanceIT extends StorageProviderConformance {
  @Override
  protected ProviderUnderTest providerUnderTest() {
    return S3Conformance.versionedOn(ExternalS3.fromEnvironment().orElseThrow());
  }
}
