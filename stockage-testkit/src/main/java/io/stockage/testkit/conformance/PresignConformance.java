package io.stockage.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stockage.Capability;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Presigned URLs, used with a plain {@link HttpClient} and no credentials: with
 * {@code PRESIGN_READ} a GET returns the bytes (with {@code Content-Disposition} naming the
 * download when asked), with {@code PRESIGN_WRITE} a PUT stores them; both stop working once
 * expired. Without the capability, presigning fails with {@code UNSUPPORTED}.
 */
public abstract class PresignConformance extends ConformanceSuite {
  private static final Duration SHORT_TTL = Duration.ofSeconds(2);
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** For subclasses. */
  protected PresignConformance() {}

  @Test
  void presignRead_get_returnsTheBytes() throws Exception {
    assumeSupports(Capability.PRESIGN_READ);
    byte[] data = Bytes.random(70_000, 1);
    put(key("shared.bin"), data);
    URI url = provider().presignRead(key("shared.bin"), Duration.ofMinutes(5), Optional.empty());
    HttpResponse<byte[]> response = httpGet(url);
    assertThat(response.statusCode()).as("GET %s", url).isEqualTo(200);
    Bytes.assertSame(response.body(), data, "bytes of a presigned GET");
  }

  @Test
  void presignRead_withDownloadName_setsContentDisposition() throws Exception {
    assumeSupports(Capability.PRESIGN_READ);
    put(key("k/3f2a"), Bytes.random(100, 2));
    URI url = provider().presignRead(key("k/3f2a"), Duration.ofMinutes(5), Optional.of("plan-2024.pdf"));
    HttpResponse<byte[]> response = httpGet(url);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Disposition")).as("Content-Disposition")
        .hasValueSatisfying(v -> assertThat(v).contains("plan-2024.pdf"));
  }

  @Test
  void presignWrite_put_storesTheBytes() throws Exception {
    assumeSupports(Capability.PRESIGN_WRITE);
    byte[] data = Bytes.random(70_000, 3);
    URI url = provider().presignWrite(key("uploaded.bin"), Duration.ofMinutes(5));
    HttpResponse<byte[]> response = httpPut(url, data);
    assertThat(response.statusCode()).as("PUT %s", url).isBetween(200, 299);
    Bytes.assertSame(read(key("uploaded.bin")), data, "object stored by a presigned PUT");
  }

  @Test
  void presign_afterExpiry_isRefused() throws Exception {
    boolean reads = supports(Capability.PRESIGN_READ);
    boolean writes = supports(Capability.PRESIGN_WRITE);
    assumeTrue(reads || writes, "the provider declares no PRESIGN_ capability");
    byte[] data = Bytes.random(100, 4);
    put(key("expiring"), data);
    long issued = System.nanoTime();
    URI readUrl = reads ? provider().presignRead(key("expiring"), SHORT_TTL, Optional.empty()) : null;
    URI writeUrl = writes ? provider().presignWrite(key("expiring-upload"), SHORT_TTL) : null;
    if (reads) {
      assertThat(httpGet(readUrl).statusCode()).as("GET before expiry").isEqualTo(200);
    }
    // Signatures count whole seconds: wait past the TTL and the second it ends in.
    long wait = SHORT_TTL.plusMillis(1500).toNanos() - (System.nanoTime() - issued);
    Thread.sleep(Math.max(0, wait / 1_000_000));
    if (reads) {
      assertThat(httpGet(readUrl).statusCode()).as("GET after expiry").isBetween(400, 499);
    }
    if (writes) {
      assertThat(httpPut(writeUrl, data).statusCode()).as("PUT after expiry").isBetween(400, 499);
      assertThat(listKeys(key("expiring-upload"), 10)).as("objects written by an expired URL").isEmpty();
    }
  }

  @Test
  void presignRead_withoutPresignRead_isUnsupported() {
    assumeLacks(Capability.PRESIGN_READ);
    put(key("private"), Bytes.random(10, 5));
    assertUnsupported(Capability.PRESIGN_READ,
        () -> provider().presignRead(key("private"), Duration.ofMinutes(5), Optional.empty()));
  }

  @Test
  void presignWrite_withoutPresignWrite_isUnsupported() {
    assumeLacks(Capability.PRESIGN_WRITE);
    assertUnsupported(Capability.PRESIGN_WRITE, () -> provider().presignWrite(key("upload"), Duration.ofMinutes(5)));
  }

  private HttpResponse<byte[]> httpGet(URI url) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(url).GET().timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpResponse<byte[]> httpPut(URI url, byte[] data) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(url).PUT(HttpRequest.BodyPublishers.ofByteArray(data))
        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }
}
