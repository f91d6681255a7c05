package io.stockage.testkit.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Properties;

/**
 * A server jar, found in the local Maven repository or downloaded into it from Maven Central
 * (checked against the SHA-1 published beside it), so the tests need nothing installed
 * beforehand. The local repository is {@code maven.repo.local} when set (the build passes it to
 * the tests), else {@code ~/.m2/repository}; {@value #REPOSITORY_ENV} names another remote
 * repository (a mirror).
 *
 * @param groupId the group
 * @param artifactId the artifact
 * @param version the version
 * @param classifier the classifier of the runnable jar
 */
record MavenArtifact(String groupId, String artifactId, String version, String classifier) {
  /** The environment variable naming a Maven repository to download from instead of Central. */
  static final String REPOSITORY_ENV = "STOCKAGE_TEST_MAVEN_REPOSITORY";
  private static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

  /** S3Mock's runnable jar, at the version the parent POM pins. */
  static MavenArtifact s3Mock() {
    return new MavenArtifact("com.adobe.testing", "s3mock", pinned("s3mock.version"), "exec");
  }

  /** S3Proxy's runnable jar, at the version the parent POM pins. */
  static MavenArtifact s3Proxy() {
    return new MavenArtifact("org.gaul", "s3proxy", pinned("s3proxy.version"), "jar-with-dependencies");
  }

  /** The jar in the local repository, downloaded first when missing. */
  Path resolve() {
    Path local = localRepository().resolve(relativePath());
    synchronized (MavenArtifact.class) {
      if (Files.isRegularFile(local)) {
        return local;
      }
      return downloaded(local);
    }
  }

  private Path downloaded(Path local) {
    try {
      download(local);
      return local;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot download " + this + " from " + remote(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while downloading " + this, e);
    }
  }

  String relativePath() {
    return groupId.replace('.', '/') + "/" + artifactId + "/" + version + "/"
        + artifactId + "-" + version + "-" + classifier + ".jar";
  }

  private void download(Path target) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(Duration.ofSeconds(20)).build();
    URI url = URI.create(remote() + relativePath());
    String expected = get(http, URI.create(url + ".sha1"), HttpResponse.BodyHandlers.ofString()).trim().split("\\s+")[0];
    Files.createDirectories(target.getParent());
    // A name of our own, then an atomic rename: two JVMs downloading at once both end well.
    Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
    try {
      try (InputStream in = get(http, url, HttpResponse.BodyHandlers.ofInputStream())) {
        Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
      }
      String actual = sha1(temp);
      if (!actual.equalsIgnoreCase(expected)) {
        throw new IOException("SHA-1 of " + url + " is " + actual + ", expected " + expected);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static <T> T get(HttpClient http, URI url, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    HttpResponse<T> response = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(5)).build(), handler);
    if (response.statusCode() != 200) {
      throw new IOException("GET " + url + ": HTTP " + response.statusCode());
    }
    return response.body();
  }

  private static String sha1(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-1");
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is part of every JDK", e);
    }
  }

  static Path localRepository() {
    String configured = System.getProperty("maven.repo.local");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    return Path.of(System.getProperty("user.home"), ".m2", "repository");
  }

  private static String remote() {
    String configured = System.getenv(REPOSITORY_ENV);
    String base = configured == null || configured.isBlank() ? CENTRAL : configured;
    return base.endsWith("/") ? base : base + "/";
  }

  private static String pinned(String property) {
    Properties versions = new Properties();
    try (InputStream in = MavenArtifact.class.getResourceAsStream("servers.properties")) {
      if (in == null) {
        throw new IllegalStateException("servers.properties is missing from the testkit jar");
      }
      versions.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String value = versions.getProperty(property);
    if (value == null || value.startsWith("${")) {
      throw new IllegalStateException("the testkit was built without " + property + " (Maven resource filtering)");
    }
    return value;
  }

  @Override
  public String toString() {
    return groupId + ":" + artifactId + ":" + version + ":" + classifier;
  }
}
