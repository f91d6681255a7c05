package io.stockage.provider.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.testkit.Samples;
import io.stockage.testkit.s3.S3Bucket;
import io.stockage.testkit.s3.S3Servers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Writes of 128 MB (multipart, unknown length) and 64 MB (one streamed PUT) from a JVM limited to
 * 48 MB of heap: the provider holds one part and a 1 MiB replay window, never an object.
 */
class S3StreamingMemoryIT {
  private static final long MULTIPART = 128L << 20;
  private static final long STREAMED = 64L << 20;
  private static final long SEED = 7;

  @Test
  void write_objectsLargerThanTheHeap_streamAndReadBackIntact() throws Exception {
    S3Bucket bucket = S3Servers.s3Mock().freshBucket();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder child = new ProcessBuilder(List.of(java, "-Xmx48m", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"), S3StreamingMemoryMain.class.getName(),
        Long.toString(MULTIPART), Long.toString(STREAMED), Long.toString(SEED))).redirectErrorStream(true);
    // Credentials go through the environment, not the command line other users can read.
    child.environment().putAll(Map.of("S3_ENDPOINT", bucket.endpoint().toString(), "S3_REGION", bucket.region(),
        "S3_BUCKET", bucket.name(), "S3_PREFIX", bucket.prefix(), "S3_ACCESS_KEY", bucket.accessKey(),
        "S3_SECRET_KEY", bucket.secretKey()));
    Process process = child.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();

    assertLine(output, "multipart", MULTIPART, S3StreamingMemoryMain.sha256(Samples.largePdf(MULTIPART, SEED)));
    assertLine(output, "streamed", STREAMED, S3StreamingMemoryMain.sha256(Samples.largePdf(STREAMED, SEED + 1)));
    Matcher heap = Pattern.compile("peakHeap=(\\d+) maxHeap=(\\d+)").matcher(output);
    assertThat(heap.find()).as(output).isTrue();
    assertThat(Long.parseLong(heap.group(2))).isLessThan(STREAMED);
    System.out.println(output);
  }

  private static void assertLine(String output, String name, long size, String sha256) {
    Matcher m = Pattern.compile(name + " size=(\\d+) sha256=(\\w+)").matcher(output);
    assertThat(m.find()).as(output).isTrue();
    assertThat(Long.parseLong(m.group(1))).isEqualTo(size);
    assertThat(m.group(2)).as("SHA-256 of %s read back", name).isEqualTo(sha256);
  }
}
