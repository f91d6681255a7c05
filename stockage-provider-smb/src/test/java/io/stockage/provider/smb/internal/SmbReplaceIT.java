package io.stockage.provider.smb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.hierynomus.smbj.share.File;
import io.stockage.provider.smb.SmbConfig;
import io.stockage.testkit.smb.SambaFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The fallback for servers that will not replace on rename, which Samba never needs: old file
 * aside, new one in, old one deleted.
 */
class SmbReplaceIT {

  @Test
  void replaceAside_existingTarget_endsWithTheNewFileAndNothingElse() throws IOException {
    SambaFixture samba = SambaFixture.shared();
    samba.start();
    String folder = "replace-" + UUID.randomUUID();
    Path local = Files.createDirectories(samba.shareDirectory().resolve(folder));
    Files.writeString(local.resolve("target"), "old");
    SmbConfig config = new SmbConfig(samba.host(), samba.port(), "", samba.share(), "", samba.username(),
        samba.password(), false, Duration.ofSeconds(20), true);
    SmbPaths paths = new SmbPaths("");
    try (SmbSession session = new SmbSession(config)) {
      SmbReplace replace = new SmbReplace(new SmbTree(session, paths, true));
      session.call("test", "target", share -> {
        File temp = SmbHandles.createTemporary(share, folder + "\\.stockage-tmp-new");
        try {
          temp.write("new".getBytes(), 0);
          replace.replaceAside(share, temp, folder + "\\target");
        } finally {
          temp.close();
        }
        return null;
      });
    }
    assertThat(local.resolve("target")).hasContent("new");
    try (var files = Files.list(local)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("target");
    }
    Files.delete(local.resolve("target"));
    Files.delete(local);
  }
}
