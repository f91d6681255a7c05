package io.stockage.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.core.fs.FileSystemProvider;
import io.stockage.core.memory.MemoryProvider;
import io.stockage.testkit.conformance.CapabilityTable;
import io.stockage.provider.s3.S3StorageProvider;
import io.stockage.provider.smb.SmbStorageProvider;
import io.stockage.testkit.s3.S3Bucket;
import io.stockage.testkit.s3.S3MockFixture;
import io.stockage.testkit.s3.S3Servers;
import io.stockage.testkit.smb.SambaFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's capability table is what the providers declare: core's, S3 on a versioned bucket
 * (S3Mock) and on a service without versioning (S3Proxy), and SMB on Samba. It lives here, in the
 * one module that sees every provider.
 */
class ReadmeCapabilitiesIT {
  private static final String START = "<!-- capabilities:start -->";
  private static final String END = "<!-- capabilities:end -->";

  @Test
  void readme_capabilitiesSection_equalsTheGeneratedTable(@TempDir Path dir) throws IOException {
    String table;
    try (FileSystemProvider fs = FileSystemProvider.create(dir); MemoryProvider memory = MemoryProvider.create();
         S3StorageProvider versioned = s3(S3MockFixture.shared().freshVersionedBucket().orElseThrow());
         S3StorageProvider plain = s3(S3Servers.s3Proxy().freshBucket());
         SmbStorageProvider smb = smb(SambaFixture.shared())) {
      table = CapabilityTable.create()
          .with("fs", fs.capabilities())
          .with("memory", memory.capabilities())
          .with("s3 (versioned bucket)", versioned.capabilities())
          .with("s3 (no versioning)", plain.capabilities())
          .with("smb (Samba)", smb.capabilities())
          .markdown();
    }
    String readme = Files.readString(readme());
    int start = readme.indexOf(START);
    int end = readme.indexOf(END);
    assertThat(start).as("%s in the README", START).isNotNegative();
    assertThat(end).as("%s after %s in the README", END, START).isGreaterThan(start);
    assertThat(readme.substring(start + START.length(), end).strip())
        .as("the README's capability table; the providers declare:%n%s", table)
        .isEqualTo(table.strip());
  }

  private static S3StorageProvider s3(S3Bucket bucket) {
    return S3StorageProvider.builder().endpoint(bucket.endpoint()).pathStyle(true).region(bucket.region())
        .credentials(bucket.accessKey(), bucket.secretKey()).bucket(bucket.name()).prefix(bucket.prefix()).build();
  }

  private static SmbStorageProvider smb(SambaFixture samba) {
    return SmbStorageProvider.builder().host(samba.host()).port(samba.port()).share(samba.share())
        .username(samba.username()).password(samba.password()).build();
  }

  /** The repository's README, found from the module directory the tests run in. */
  private static Path readme() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("README.md")) && Files.isDirectory(d.resolve("stockage-core"))) {
        return d.resolve("README.md");
      }
    }
    throw new AssertionError("no README.md above " + Path.of("").toAbsolutePath());
  }
}
