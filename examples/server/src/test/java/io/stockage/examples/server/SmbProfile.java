package io.stockage.examples.server;

import io.stockage.Mount;
import io.stockage.OrgId;
import io.stockage.core.fs.FileSystemProvider;
import io.stockage.provider.smb.SmbStorageProvider;
import io.stockage.testkit.smb.SambaFixture;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The tests' {@code smb} profile (seed 002): a live mount {@code smb-1} of {@code acme} on an SMB
 * share — a private Samba the testkit starts — next to the managed mount. A host points the same
 * provider at a real server with {@code stockage.mounts.smb-1.provider=smb}, {@code mode=live},
 * {@code org}, {@code host}, {@code share}, {@code username}, {@code password}.
 */
@Configuration(proxyBeanMethods = false)
@Profile("smb")
class SmbProfile {
  private static final Logger LOG = LoggerFactory.getLogger(SmbProfile.class);

  /** The demo Samba server; stopped with the application. */
  @Bean(destroyMethod = "close")
  SambaFixture demoSamba() {
    SambaFixture samba = SambaFixture.create();
    LOG.info("smb profile: Samba share //{}:{}/{}", samba.host(), samba.port(), samba.share());
    return samba;
  }

  /** The live mount on the share; folders stay when they empty, they are the users'. */
  @Bean
  Mount smbLiveMount(SambaFixture samba) {
    SmbStorageProvider provider = SmbStorageProvider.builder().host(samba.host()).port(samba.port())
        .share(samba.share()).username(samba.username()).password(samba.password()).pruneEmptyFolders(false).build();
    return Mount.live("smb-1", provider, OrgId.of("acme"));
  }

  /**
   * The managed mount next to it (host mounts replace the default one): on local disk under
   * {@code stockage.data-dir}.
   */
  @Bean
  Mount managedMount(@Value("${stockage.data-dir:stockage-data}") Path dataDir) {
    return Mount.managed("main", FileSystemProvider.create(dataDir.resolve("blobs")));
  }
}
