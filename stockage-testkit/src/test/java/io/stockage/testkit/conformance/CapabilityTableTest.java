package io.stockage.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stockage.Capabilities;
import io.stockage.Capability;
import io.stockage.Limits;
import org.junit.jupiter.api.Test;

class CapabilityTableTest {
  private static final Capabilities S3_LIKE = Capabilities.of(
      new Limits(5L << 40, 5L << 20, 5L << 30, 1024), Capability.READ_RANGE, Capability.MULTIPART_UPLOAD);
  private static final Capabilities LOCAL = Capabilities.of(Limits.of(Long.MAX_VALUE, 255), Capability.WRITE_ATOMIC);

  @Test
  void markdown_twoProviders_rowPerCapabilityThenLimits() {
    String table = CapabilityTable.create().with("s3", S3_LIKE).with("local", LOCAL).markdown();
    assertThat(table.lines()).hasSize(2 + Capability.values().length + 4);
    assertThat(table).startsWith("| capability | s3 | local |\n|---|---|---|\n| `READ_RANGE` | yes | — |\n");
    assertThat(table).contains("| `WRITE_ATOMIC` | — | yes |\n")
        .contains("| max object size | 5 TiB | no limit |\n")
        .contains("| min part size | 5 MiB | — |\n")
        .contains("| max part size | 5 GiB | — |\n")
        .endsWith("| max key length | 1024 bytes | 255 bytes |\n");
  }

  @Test
  void size_notAWholeUnit_isInBytes() {
    assertThat(CapabilityTable.size(1025)).isEqualTo("1025 bytes");
    assertThat(CapabilityTable.size(64L << 20)).isEqualTo("64 MiB");
    assertThat(CapabilityTable.size(1536L << 10)).isEqualTo("1536 KiB");
  }

  @Test
  void with_sameProviderTwice_isRefused() {
    CapabilityTable table = CapabilityTable.create().with("s3", S3_LIKE);
    assertThatThrownBy(() -> table.with("s3", LOCAL)).isInstanceOf(IllegalArgumentException.class);
  }
}
