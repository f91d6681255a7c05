package io.stockage.testkit.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The S3 fixtures, checked with plain HTTP: no SDK in the testkit. */
class S3FixturesIT {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void s3Mock_freshBuckets_existAndTheVersionedOneHasVersioning() throws Exception {
    S3MockFixture s3 = S3MockFixture.shared();
    S3Bucket plain = s3.freshBucket();
    S3Bucket versioned = s3.freshVersionedBucket().orElseThrow();
    assertThat(plain.name()).isNotEqualTo(versioned.name()).startsWith("stockage-");
    assertThat(plain.endpoint().getHost()).isEqualTo("127.0.0.1");
    assertThat(get(plain.endpoint().resolve("/" + plain.name())).statusCode()).isEqualTo(200);
    assertThat(get(versioned.endpoint().resolve("/" + versioned.name() + "?versioning")).body()).contains("Enabled");
    assertThat(get(plain.endpoint().resolve("/" + plain.name() + "?versioning")).body()).doesNotContain("Enabled");
  }

  @Test
  void s3Mock_stopThenStart_keepsPortAndBuckets() throws Exception {
    S3MockFixture s3 = S3MockFixture.shared();
    S3Bucket bucket = s3.freshBucket();
    URI endpoint = s3.endpoint();
    s3.stop();
    assertThatThrownBy(() -> get(endpoint)).isInstanceOf(ConnectException.class);
    s3.start();
    assertThat(s3.endpoint()).isEqualTo(endpoint);
    assertThat(get(endpoint.resolve("/" + bucket.name())).statusCode()).isEqualTo(200);
  }

  @Test
  void s3Proxy_checksSignatures_hasNoVersioning_andCloseDeletesItsDirectory() throws Exception {
    Path dir;
    try (S3ProxyFixture s3 = S3ProxyFixture.create()) {
      S3Bucket bucket = s3.freshBucket();
      assertThat(get(bucket.endpoint().resolve("/" + bucket.name())).statusCode()).as("unsigned request").isEqualTo(403);
      assertThat(s3.freshVersionedBucket()).isEmpty();
      assertThat(s3.toString()).doesNotContain(s3.secretKey());
      assertThat(bucket.toString()).doesNotContain(s3.secretKey());
      dir = Path.of(s3.toString().replaceAll(".*dir=([^,\\]]+).*", "$1"));
      assertThat(dir).isDirectory();
      s3.stop();
      assertThatThrownBy(() -> get(bucket.endpoint())).isInstanceOf(ConnectException.class);
      s3.start();
      assertThat(get(bucket.endpoint().resolve("/" + bucket.name())).statusCode()).isEqualTo(403);
    }
    assertThat(Files.exists(dir)).isFalse();
  }

  @Test
  void mavenArtifact_pathsFollowTheRepositoryLayout() {
    assertThat(MavenArtifact.s3Mock().relativePath())
        .matches("com/adobe/testing/s3mock/[0-9.]+/s3mock-[0-9.]+-exec\\.jar");
    assertThat(MavenArtifact.s3Proxy().relativePath())
        .matches("org/gaul/s3proxy/[0-9.]+/s3proxy-[0-9.]+-jar-with-dependencies\\.jar");
  }

  private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }
}
