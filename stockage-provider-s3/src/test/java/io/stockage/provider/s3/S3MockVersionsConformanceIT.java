package io.stockage.provider.s3;

import io.stockage.testkit.conformance.ProviderUnderTest;
import io.stockage.testkit.conformance.VersionsConformance;
import io.stockage.testkit.s3.ExternalS3;
import io.stockage.testkit.s3.S3MockFixture;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;

/** The version family on a versioned S3Mock bucket, where the provider declares {@code NATIVE_VERSIONING}. */
@DisabledIfEnvironmentVariable(named = ExternalS3.ENDPOINT_ENV, matches = ".+")
@ExtendWith(ServerQuirks.S3MockVersions.class)
class S3MockVersionsConformanceIT extends VersionsConformance {
  @Override
  protected ProviderUnderTest providerUnderTest() {
    return S3Conformance.versionedOn(S3MockFixture.shared());
  }
}
