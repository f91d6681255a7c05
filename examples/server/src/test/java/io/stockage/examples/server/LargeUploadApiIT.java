package io.stockage.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.testkit.Samples;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A 150 MB multipart upload at the default policy, streamed by the client: while it runs, the
 * bytes never exist twice on disk (no container spool beside Stockage's staging and blob).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"STOCKAGE_DEMO_PASSWORD=s3cret"})
class LargeUploadApiIT {
  private static final Path DATA_DIR = Path.of("target", "large-upload-" + java.util.UUID.randomUUID()).toAbsolutePath();
  private static final long SIZE = 150_000_000L;

  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("stockage.data-dir", DATA_DIR::toString);
  }

  @Test
  void upload150MB_neverExistsTwiceOnDisk() throws Exception {
    // Stockage's data (staging, blobs) and the container's own directories (where it would spool).
    List<Path> watched = new java.util.ArrayList<>(List.of(DATA_DIR));
    try (Stream<Path> tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      tmp.filter(p -> p.getFileName().toString().startsWith("tomcat")).forEach(watched::add);
    }
    AtomicLong peak = new AtomicLong();
    AtomicBoolean done = new AtomicBoolean();
    Thread watcher = new Thread(() -> {
      while (!done.get()) {
        peak.accumulateAndGet(largeFiles(watched), Math::max);
        Thread.onSpinWait();
      }
    });
    watcher.start();
    String boundary = "large-boundary";
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"large.pdf\"\r\n"
        + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] pdf = Samples.pdf("large");
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> response;
    try {
      response = new Http(port, "s3cret").send(new Http(port, "s3cret").request("bob", "/api/v1/projects/bridge/files")
          .header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(java.util.Collections.enumeration(
              List.of(new ByteArrayInputStream(head), new ByteArrayInputStream(pdf), zeros(SIZE - pdf.length),
                  new ByteArrayInputStream(tail)))))));
    } finally {
      done.set(true);
      watcher.join();
    }
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    assertThat(response.body()).contains("\"size\":" + SIZE);
    assertThat(peak.get()).as("bytes of large files on disk at once").isGreaterThan(SIZE / 2).isLessThanOrEqualTo(SIZE);
  }

  /** The total size of the files over 50 MB under the roots (PostgreSQL's WAL segments are 16 MB). */
  private static long largeFiles(List<Path> roots) {
    long total = 0;
    for (Path root : roots) {
      try (Stream<Path> files = Files.walk(root)) {
        total += files.mapToLong(p -> {
          try {
            return Files.isRegularFile(p) ? Files.size(p) : 0;
          } catch (IOException gone) {
            return 0;
          }
        }).filter(size -> size > 50_000_000L).sum();
      } catch (IOException | UncheckedIOException gone) {
        // A file vanished while walking: the next round counts again.
      }
    }
    return total;
  }

  private static InputStream zeros(long count) {
    return new InputStream() {
      private long left = count;

      @Override
      public int read() {
        if (left == 0) {
          return -1;
        }
        left--;
        return 0;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (left == 0) {
          return -1;
        }
        int n = (int) Math.min(len, left);
        java.util.Arrays.fill(b, off, off + n, (byte) 0);
        left -= n;
        return n;
      }
    };
  }
}
