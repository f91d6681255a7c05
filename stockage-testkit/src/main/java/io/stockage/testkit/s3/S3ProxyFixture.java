package io.stockage.testkit.s3;

import io.stockage.testkit.conformance.ServerControl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * S3Proxy ({@code org.gaul:s3proxy}, the {@code jar-with-dependencies} at the version the parent
 * POM pins) run as a child Java process over a file-system blob store ({@code filesystem-nio2})
 * in a private directory, on a random loopback port, with AWS signature checks on and keys of
 * its own. A second S3 dialect next to {@link S3MockFixture}: it checks signatures and presigned
 * URL expiry and enforces conditional writes, but has no versioning.
 *
 * <p>It starts in about a second. {@link #stop()} kills it, {@link #start()} brings it back on
 * the same port with the same objects; {@link #close()} kills it and deletes its directory.
 *
 * <p>Quirk seen with 4.1.0: for a few milliseconds after a failed PUT, the blob store's temporary
 * file for it ({@code key-<uuid>}) shows in listings, until S3Proxy notices the dropped
 * connection and deletes it.
 */
public final class S3ProxyFixture implements S3Server, ServerControl, AutoCloseable {
  private static final Pattern READY = Pattern.compile("ServerConnector@\\S+\\{HTTP/1\\.1, \\(http/1\\.1\\)\\}\\{127\\.0\\.0\\.1:(?<port>\\d+)\\}");
  private static final String REGION = "us-east-1";
  private static S3ProxyFixture shared;

  private final ServerProcess server;
  private final String accessKey = "stockage-" + S3Names.hex(4);
  private final String secretKey = S3Names.hex(20);

  private S3ProxyFixture(Path jar) {
    Path dir = ServerProcess.newDirectory("s3proxy");
    this.server = new ServerProcess("s3proxy", dir, port -> command(jar, dir, port), READY);
  }

  /** The JVM's shared S3Proxy, started on first use and killed when the JVM exits. */
  public static synchronized S3ProxyFixture shared() {
    if (shared == null) {
      S3ProxyFixture fixture = create();
      Runtime.getRuntime().addShutdownHook(new Thread(fixture::close, "stockage-s3proxy-stop"));
      shared = fixture;
    }
    return shared;
  }

  /** A started S3Proxy of the caller's own; close it. */
  public static S3ProxyFixture create() {
    S3ProxyFixture fixture = new S3ProxyFixture(MavenArtifact.s3Proxy().resolve());
    fixture.start();
    return fixture;
  }

  private List<String> command(Path jar, Path dir, int port) {
    Path conf = dir.resolve("s3proxy.conf");
    String properties = String.join("\n",
        "s3proxy.endpoint=http://127.0.0.1:" + port,
        "s3proxy.authorization=aws-v2-or-v4",
        "s3proxy.identity=" + accessKey,
        "s3proxy.credential=" + secretKey,
        "s3proxy.v4-max-non-chunked-request-size=" + (1L << 30),
        "jclouds.provider=filesystem-nio2",
        "jclouds.filesystem.basedir=" + dir.resolve("data"),
        "");
    try {
      Files.createDirectories(dir.resolve("data"));
      Files.createDirectories(dir.resolve("tmp"));
      Files.writeString(conf, properties);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + conf, e);
    }
    return List.of(ChildProcess.java(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
        "-Djava.io.tmpdir=" + dir.resolve("tmp"), "-jar", jar.toString(), "--properties", conf.toString());
  }

  /** Starts S3Proxy (again), on the same port with the same objects; returns once it listens. */
  @Override
  public void start() {
    server.start();
  }

  /** Kills S3Proxy at once, keeping its objects; returns once its port is closed. */
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

  @Override
  public String accessKey() {
    return accessKey;
  }

  @Override
  public String secretKey() {
    return secretKey;
  }

  /** A new, empty bucket. */
  @Override
  public S3Bucket freshBucket() {
    String name = S3Names.bucket();
    // The file-system blob store keeps a bucket as a directory: making one makes the bucket. It
    // reads "other may read" as a public-read bucket, so the mode is S3Proxy's own for a bucket.
    Path bucket = server.dir().resolve("data").resolve(name);
    try {
      if (bucket.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createDirectory(bucket, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-x--x")));
      } else {
        Files.createDirectory(bucket);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create bucket " + name, e);
    }
    return new S3Bucket(endpoint(), REGION, accessKey, secretKey, name, "");
  }

  /** Empty: S3Proxy has no versioning. */
  @Override
  public Optional<S3Bucket> freshVersionedBucket() {
    return Optional.empty();
  }

  /** Kills S3Proxy and deletes its directory. */
  @Override
  public void close() {
    server.close();
  }

  /** Names the port and directory; never the secret key. */
  @Override
  public String toString() {
    return "S3ProxyFixture[" + server + "]";
  }
}
