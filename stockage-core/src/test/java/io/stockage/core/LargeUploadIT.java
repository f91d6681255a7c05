package io.stockage.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.testkit.PostgresFixture;
import io.stockage.testkit.Samples;
import io.stockage.testkit.TestDatabase;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 1 GB upload in a JVM limited to 128 MB of heap: the pipeline streams, it never buffers. */
class LargeUploadIT {
  private static final long SIZE = 1024L * 1024 * 1024;
  private static final long SEED = 42;

  @TempDir
  Path root;

  @Test
  void upload_1GigabyteWith128MegabyteHeap_succeeds() throws Exception {
    try (TestDatabase db = PostgresFixture.create()) {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process child = new ProcessBuilder(List.of(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
          LargeUploadMain.class.getName(), db.jdbcUrl(), db.user(), db.password(), root.toString(),
          Long.toString(SIZE), Long.toString(SEED)))
          .redirectErrorStream(true).start();
      String expected = sha256(Samples.largePdf(SIZE, SEED));
      assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
      String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      System.out.println(output);
      assertThat(child.exitValue()).as(output).isZero();
      Matcher m = Pattern.compile("size=(\\d+) sha256=(\\w+) peakHeap=(\\d+) maxHeap=(\\d+)").matcher(output);
      assertThat(m.find()).as(output).isTrue();
      assertThat(Long.parseLong(m.group(1))).isEqualTo(SIZE);
      assertThat(m.group(2)).isEqualTo(expected);
      assertThat(Long.parseLong(m.group(4))).isLessThanOrEqualTo(128L * 1024 * 1024);
    }
  }

  private static String sha256(InputStream in) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    byte[] buf = new byte[1 << 16];
    for (int n; (n = in.read(buf)) > 0; ) {
      digest.update(buf, 0, n);
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
