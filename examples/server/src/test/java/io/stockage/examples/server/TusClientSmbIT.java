package io.stockage.examples.server;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** tus-js-client writing a file of the {@code smb} profile's live mount (a private Samba share). */
@ActiveProfiles("smb")
class TusClientSmbIT extends AbstractTusClientIT {
  private static final Path DATA_DIR = Path.of("target", "tusclientsmbit-" + java.util.UUID.randomUUID()).toAbsolutePath();

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("stockage.data-dir", DATA_DIR::toString);
  }

  @Override
  Path dataDir() {
    return DATA_DIR;
  }

  @Override
  String target(Path source) {
    return "mount=smb-1,path=tus/" + source.getFileName();
  }

  // The entry's bytes, read back from the share through the live mount.
  @Override
  String storedSha256(Http http, String upload) throws Exception {
    String path = ServerIT.member(http.get("bob", upload).body(), "path");
    HttpResponse<byte[]> content = http.sendForBytes(http.request("bob",
        "/api/v1/mounts/smb-1/content?path=" + java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8)));
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.body()));
  }
}
