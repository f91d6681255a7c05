package io.stockage.provider.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.ByteRange;
import io.stockage.Capability;
import io.stockage.ErrorKind;
import io.stockage.spi.storage.MultipartWrite;
import io.stockage.spi.storage.ObjectInfo;
import io.stockage.spi.storage.ObjectPage;
import io.stockage.spi.storage.WriteOptions;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Reads, listing, copy, batch delete, presigned URLs, the multipart SPI and the key prefix, as S3
 * does them.
 */
abstract class S3BucketBehaviour extends S3TestBase {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void capabilities_plainBucket_declareAllButVersioning() {
    assertThat(provider.capabilities().supported()).contains(Capability.READ_RANGE, Capability.WRITE_ATOMIC,
        Capability.WRITE_CONDITIONAL, Capability.MULTIPART_UPLOAD, Capability.COPY_SERVER_SIDE,
        Capability.PRESIGN_READ, Capability.PRESIGN_WRITE, Capability.LIST_PAGED);
    assertThat(provider.capabilities().limits().minPartSize()).isEqualTo(5L << 20);
    assertThat(provider.toString()).contains(bucket.name()).doesNotContain(bucket.secretKey());
    assertThat(provider.config().toString()).doesNotContain(bucket.secretKey()).doesNotContain(bucket.accessKey());
  }

  @Test
  void read_ranges_returnTheSlicesAndTheWholeSize() {
    byte[] data = bytes(10_000, 1);
    put("r/data", data);
    var content = provider.read("r/data", Optional.of(ByteRange.closed(100, 199)));
    assertThat(content.info().size()).isEqualTo(10_000);
    assertThat(content.slice()).isEqualTo(new ByteRange.Slice(100, 100));
    assertThat(readAll(content)).isEqualTo(Arrays.copyOfRange(data, 100, 200));
    assertThat(readAll(provider.read("r/data", Optional.of(ByteRange.suffix(20_000))))).isEqualTo(data);
    assertThat(readAll(provider.read("r/data", Optional.of(ByteRange.closed(9_990, 20_000)))))
        .isEqualTo(Arrays.copyOfRange(data, 9_990, 10_000));
    assertKind(ErrorKind.RANGE_NOT_SATISFIABLE, () -> provider.read("r/data", Optional.of(ByteRange.from(10_000))));
    assertKind(ErrorKind.NOT_FOUND, () -> provider.read("r/missing", Optional.of(ByteRange.from(0))));
  }

  @Test
  void read_closedEarly_leavesTheProviderUsable() throws Exception {
    byte[] data = bytes(3 << 20, 2);
    put("r/big", data);
    for (int i = 0; i < 8; i++) {
      try (var content = provider.read("r/big", Optional.empty())) {
        assertThat(content.stream().readNBytes(10)).isEqualTo(Arrays.copyOf(data, 10));
      }
    }
    assertThat(provider.stat("r/big").size()).isEqualTo(data.length);
  }

  @Test
  void list_pagesAfterTheCursorWithinThePrefix() {
    List<String> keys = List.of("l/a", "l/b/c", "l/b/d", "l/e", "l2/x", "m/z");
    keys.forEach(k -> put(k, k.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    List<String> seen = new ArrayList<>();
    Optional<String> after = Optional.empty();
    do {
      ObjectPage page = provider.list("l/", after, 2);
      assertThat(page.objects()).hasSizeLessThanOrEqualTo(2);
      page.objects().forEach(o -> seen.add(o.key()));
      after = page.next();
    } while (after.isPresent());
    assertThat(seen).containsExactly("l/a", "l/b/c", "l/b/d", "l/e");
    assertThat(provider.list("l/", Optional.of("l/b/c"), 10).objects()).extracting(ObjectInfo::key)
        .containsExactly("l/b/d", "l/e");
    assertKind(ErrorKind.INVALID_ARGUMENT, () -> provider.list("l/", Optional.empty(), 0));
  }

  @Test
  void prefix_isolatesTheProvidersKeys() {
    try (S3StorageProvider tenant = provider(bucket, b -> b.prefix(bucket.prefix() + "tenant"))) {
      tenant.write("doc", new ByteArrayInputStream(new byte[] {1}), WriteOptions.defaults());
      assertThat(raw.headObject(b -> b.bucket(bucket.name()).key(bucket.prefix() + "tenant/doc")).contentLength())
          .isEqualTo(1);
      assertThat(tenant.list("", Optional.empty(), 10).objects()).extracting(ObjectInfo::key).containsExactly("doc");
      assertThat(provider.stat("tenant/doc").size()).isEqualTo(1);
      tenant.delete("doc");
      assertThat(tenant.capabilities().limits().maxKeyLength()).isLessThan(provider.capabilities().limits().maxKeyLength());
    }
  }

  @Test
  void copy_serverSide_copiesBytesAndContentType() {
    byte[] data = bytes(70_000, 3);
    provider.write("c/src", new ByteArrayInputStream(data), WriteOptions.defaults().withContentType("image/png"));
    ObjectInfo copied = provider.copy("c/src", "c/dst");
    assertThat(copied.key()).isEqualTo("c/dst");
    assertThat(copied.size()).isEqualTo(data.length);
    assertThat(copied.etag()).isEqualTo(provider.stat("c/dst").etag());
    assertThat(readAll(provider.read("c/dst", Optional.empty()))).isEqualTo(data);
    assertThat(raw.headObject(b -> b.bucket(bucket.name()).key(bucket.prefix() + "c/dst")).contentType())
        .isEqualTo("image/png");
    assertKind(ErrorKind.NOT_FOUND, () -> provider.copy("c/missing", "c/other"));
  }

  @Test
  void deleteAll_moreThanOneBatch_deletesEveryKeyAndIgnoresMissingOnes() {
    List<String> keys = IntStream.range(0, 1003).mapToObj(i -> String.format("d/%04d", i)).toList();
    keys.parallelStream().forEach(k -> put(k, new byte[] {7}));
    List<String> withMissing = new ArrayList<>(keys);
    withMissing.add("d/never-written");
    provider.deleteAll(withMissing);
    assertThat(provider.list("d/", Optional.empty(), 10).objects()).isEmpty();
    assertKind(ErrorKind.INVALID_ARGUMENT, () -> provider.deleteAll(List.of("d/ok", "../escape")));
  }

  @Test
  void presign_getWithDownloadNameAndPut_workWithoutCredentials() throws Exception {
    byte[] data = bytes(5000, 4);
    URI put = provider.presignWrite("p/up.pdf", Duration.ofMinutes(5));
    var stored = http.send(HttpRequest.newBuilder(put).PUT(HttpRequest.BodyPublishers.ofByteArray(data)).build(),
        HttpResponse.BodyHandlers.discarding());
    assertThat(stored.statusCode()).isEqualTo(200);
    URI get = provider.presignRead("p/up.pdf", Duration.ofMinutes(5), Optional.of("Devis \"été\" 2024.pdf"));
    var response = http.send(HttpRequest.newBuilder(get).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(data);
    assertThat(response.headers().firstValue("Content-Disposition")).contains(
        "attachment; filename=\"Devis __t__ 2024.pdf\"; filename*=UTF-8''Devis%20%22%C3%A9t%C3%A9%22%202024.pdf");
    assertKind(ErrorKind.INVALID_ARGUMENT, () -> provider.presignRead("p/up.pdf", Duration.ofDays(8), Optional.empty()));
    assertKind(ErrorKind.INVALID_ARGUMENT, () -> provider.presignWrite("p/up.pdf", Duration.ZERO));
  }

  @Test
  void multipart_beginPutCompleteAndResume() {
    MultipartWrite upload = provider.beginMultipart("m/assembled", WriteOptions.defaults().withContentType("model/stl"));
    byte[] first = bytes(PART, 5);
    byte[] last = bytes(1234, 6);
    upload.putPart(1, new ByteArrayInputStream(first), first.length);
    MultipartWrite resumed = provider.resumeMultipart("m/assembled", upload.uploadId());
    resumed.putPart(2, new ByteArrayInputStream(last), last.length);
    assertThat(resumed.parts()).extracting(MultipartWrite.PartInfo::size).containsExactly((long) PART, 1234L);
    ObjectInfo info = resumed.complete(resumed.parts());
    assertThat(info.size()).isEqualTo(PART + 1234L);
    byte[] expected = Arrays.copyOf(first, PART + 1234);
    System.arraycopy(last, 0, expected, PART, 1234);
    assertThat(readAll(provider.read("m/assembled", Optional.empty()))).isEqualTo(expected);
    assertKind(ErrorKind.NOT_FOUND, () -> provider.resumeMultipart("m/assembled", upload.uploadId()));
    assertKind(ErrorKind.NOT_FOUND, () -> provider.resumeMultipart("m/assembled", "no-such-upload"));
  }

  @Test
  void multipart_conditionalCompleteOnExistingKey_isAlreadyExists() {
    put("m/taken", bytes(10, 7));
    MultipartWrite upload = provider.beginMultipart("m/taken", WriteOptions.defaults().onlyIfAbsent());
    upload.putPart(1, new ByteArrayInputStream(bytes(100, 8)), 100);
    assertKind(ErrorKind.ALREADY_EXISTS, () -> upload.complete(upload.parts()));
    upload.abort();
    upload.abort();
    assertKind(ErrorKind.INVALID_ARGUMENT, () -> upload.putPart(0, new ByteArrayInputStream(new byte[0]), 0));
  }

  @Test
  void abortIncompleteUploads_abortsOnlyUploadsBegunBeforeTheInstant() throws Exception {
    MultipartWrite stale = provider.beginMultipart("u/stale", WriteOptions.defaults());
    stale.putPart(1, new ByteArrayInputStream(bytes(100, 9)), 100);
    assertThat(provider.abortIncompleteUploads(Instant.now().minusSeconds(3600))).isZero();
    assertThat(provider.abortIncompleteUploads(Instant.now().plusSeconds(5))).isEqualTo(1);
    assertThat(openUploads()).isEmpty();
    assertKind(ErrorKind.NOT_FOUND, () -> provider.resumeMultipart("u/stale", stale.uploadId()));
  }
}
