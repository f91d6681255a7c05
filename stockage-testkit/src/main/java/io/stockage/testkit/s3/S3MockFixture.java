package io.stockage.testkit.s3;

import io.stockage.testkit.conformance.ServerControl;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Adobe S3Mock ({@code com.adobe.testing:s3mock}, the standalone {@code exec} jar at the version
 * the parent POM pins) run as a child Java process: on a random port, talked to on 127.0.0.1, with
 * a private temporary directory and object store that {@link #close()} deletes. S3Mock keeps
 * versioning, conditional writes, multipart uploads and batch deletes, and checks no signature.
 *
 * <p>It takes 3-7 s to start and about 300 MB: use the one {@link #shared()} instance per test
 * JVM, and a bucket per test class from {@link #freshBucket()}. {@link #stop()} kills it as a
 * crash would and {@link #start()} brings it back on the same port with the same objects, to test
 * {@code UNAVAILABLE} and recovery.
 *
 * <p>Quirks seen with 5.2.0 and worked around nowhere: aborting a multipart upload also deletes
 * the object already stored under its key (AWS S3 keeps it); a version deleted by id is gone from
 * listings but {@code GET ?versionId=} still returns its bytes; the version id returned by a
 * {@code DeleteObject} that adds a delete marker is the latest version's (listings show the
 * marker's own); presigned URLs are served without checking signature or expiry.
 */
public final class S3MockFixture implements S3Server, ServerControl, AutoCloseable {
  private static final Pattern READY = Pattern.compile("Tomcat started on ports \\d+ \\(https\\), (?<port>\\d+) \\(http\\)");
  private static final String REGION = "us-east-1";
  private static S3MockFixture shared;

  private final ServerProcess server;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private S3MockFixture(Path jar) {
    Path dir = ServerProcess.newDirectory("s3mock");
    this.server = new ServerProcess("s3mock", dir, port -> command(jar, dir, port), READY);
  }

  /** The JVM's shared S3Mock, started on first use and killed when the JVM exits. */
  public static synchronized S3MockFixture shared() {
    if (shared == null) {
      S3MockFixture fixture = create();
      Runtime.getRuntime().addShutdownHook(new Thread(fixture::close, "stockage-s3mock-stop"));
      shared = fixture;
    }
    return shared;
  }

  /** A started S3Mock of the caller's own; close it. */
  public static S3MockFixture create() {
    S3MockFixture fixture = new S3MockFixture(MavenArtifact.s3Mock().resolve());
    fixture.start();
    return fixture;
  }

  private static List<String> command(Path jar, Path dir, int port) {
    String s3mock = "--com.adobe.testing.s3mock.";
    return List.of(ChildProcess.java(),
        // A short-lived test server: the quick JIT tier and a small heap start it faster and lighter.
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m",
        "-Djava.io.tmpdir=" + dir.resolve("tmp"), "-jar", jar.toString(),
        "--server.address=127.0.0.1", "--server.port=0", "--spring.main.banner-mode=off",
        s3mock + "http-port=" + port,
        s3mock + "store.root=" + dir.resolve("store"),
        // Kept across stop() and start(); close() deletes the directory.
        s3mock + "store.retain-files-on-exit=true",
        s3mock + "store.region=" + REGION,
        // The default 10 MB limit would refuse large parts.
        s3mock + "max-payload-size=1GB");
  }

  /** Starts S3Mock (again), on the same port with the same objects; returns once it answers. */
  @Override
  public void start() {
    try {
      java.nio.file.Files.createDirectories(server.dir().resolve("tmp"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    server.start();
  }

  /** Kills S3Mock at once, as a crash would, keeping its objects; returns once its port is closed. */
  @Override
  public void stop() {
    server.stop();
  }

  @Override
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  @Override
  public String region() {
    return REGION;
  }

  /** Any key: S3Mock checks none. */
  @Override
  public String accessKey() {
    return "stockage-test";
  }

  /** Any secret: S3Mock checks none. */
  @Override
  public String secretKey() {
    return "stockage-test-secret";
  }

  /** A new, empty bucket without versioning. */
  @Override
  public S3Bucket freshBucket() {
    String name = S3Names.bucket();
    // S3Mock checks no signature: a bare PUT creates the bucket without an SDK in the testkit.
    send("PUT", "/" + name, "");
    return bucket(name);
  }

  /** A new, empty bucket with versioning enabled. */
  @Override
  public Optional<S3Bucket> freshVersionedBucket() {
    S3Bucket bucket = freshBucket();
    send("PUT", "/" + bucket.name() + "?versioning", "<VersioningConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
        + "<Status>Enabled</Status></VersioningConfiguration>");
    return Optional.of(bucket);
  }

  private S3Bucket bucket(String name) {
    return new S3Bucket(endpoint(), REGION, accessKey(), secretKey(), name, "");
  }

  private void send(String method, String path, String body) {
    HttpRequest request = HttpRequest.newBuilder(endpoint().resolve(path)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/xml").method(method, HttpRequest.BodyPublishers.ofString(body)).build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException(method + " " + path + " on S3Mock: HTTP " + response.statusCode() + " "
            + response.body());
      }
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " on S3Mock failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Kills S3Mock and deletes its directory. */
  @Override
  public void close() {
    server.close();
  }

  @Override
  public String toString() {
    return "S3MockFixture[" + server + "]";
  }
}
