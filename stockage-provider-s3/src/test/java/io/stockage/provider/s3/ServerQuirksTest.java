package io.stockage.provider.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ServerQuirksTest {

  @Test
  void quirks_nameOnlyTestsOfTheirSuites() {
    assertThat(ServerQuirks.missing(S3MockConformanceIT.class, new ServerQuirks.S3Mock().skipped())).isEmpty();
    assertThat(ServerQuirks.missing(S3MockVersionsConformanceIT.class, new ServerQuirks.S3MockVersions().skipped())).isEmpty();
    assertThat(ServerQuirks.missing(S3ProxyConformanceIT.class, new ServerQuirks.S3Proxy().skipped())).isEmpty();
  }

  @Test
  void missing_aRenamedTest_isReported() {
    assertThat(ServerQuirks.missing(S3MockConformanceIT.class, Set.of("write_renamedLongAgo_fails",
        "write_concurrentReader_seesOldOrNewWhole"))).containsExactly("write_renamedLongAgo_fails");
  }
}
