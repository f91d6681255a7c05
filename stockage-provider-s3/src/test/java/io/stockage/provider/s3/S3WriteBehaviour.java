package io.stockage.provider.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.stockage.ErrorKind;
import io.stockage.PolicyReason;
import io.stockage.StockageException;
import io.stockage.spi.storage.ObjectInfo;
import io.stockage.spi.storage.WriteOptions;
import io.stockage.testkit.Samples;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The write paths of the S3 provider (part size and threshold 5 MiB): a streamed single PUT, a
 * buffered single PUT, multipart; failing sources, lengths that lie, and conditions checked
 * before and at completion. After every failure no object and no open upload is left.
 */
abstract class S3WriteBehaviour extends S3TestBase {

  @Test
  void write_knownLengthBelowThreshold_storesItInOnePut() {
    byte[] data = bytes(PART - 1, 1);
    ObjectInfo info = provider.write("w/streamed", new ByteArrayInputStream(data), WriteOptions.defaults().withLength(data.length));
    assertThat(info.size()).isEqualTo(data.length);
    assertThat(info.etag()).isPresent().isEqualTo(provider.stat("w/streamed").etag());
    assertThat(readAll(provider.read("w/streamed", Optional.empty()))).isEqualTo(data);
  }

  @Test
  void write_largeStreamOfUnknownLength_storesItInParts() throws IOException {
    long size = 3L * PART + 12345;
    ObjectInfo info = provider.write("w/large", Samples.largePdf(size, 7), WriteOptions.defaults().withContentType("application/pdf"));
    assertThat(info.size()).isEqualTo(size);
    // A multipart ETag is the MD5 of the parts' MD5s followed by "-<parts>": 4 parts here.
    assertThat(info.etag()).hasValueSatisfying(etag -> assertThat(etag).endsWith("-4\""));
    try (InputStream expected = Samples.largePdf(size, 7); var actual = provider.read("w/large", Optional.empty())) {
      assertThat(actual.stream()).hasSameContentAs(expected);
    }
    assertThat(raw.headObject(b -> b.bucket(bucket.name()).key(bucket.prefix() + "w/large")).contentType())
        .isEqualTo("application/pdf");
    assertThat(openUploads()).isEmpty();
  }

  @Test
  void write_knownLengthAboveThreshold_storesItInParts() {
    byte[] data = bytes(2 * PART + 1, 2);
    ObjectInfo info = provider.write("w/sized", new ByteArrayInputStream(data), WriteOptions.defaults().withLength(data.length));
    assertThat(info.etag()).hasValueSatisfying(etag -> assertThat(etag).endsWith("-3\""));
    assertThat(readAll(provider.read("w/sized", Optional.empty()))).isEqualTo(data);
  }

  @Test
  void write_sourceFailsInSecondPart_propagatesUnchangedAndAbortsTheUpload() {
    StockageException failure = StockageException.policy(PolicyReason.TOO_LARGE, "refused while streaming");
    InputStream source = failingAfter(bytes(PART + 1000, 3), failure);
    Throwable thrown = catchThrowable(() -> provider.write("w/failed", source, WriteOptions.defaults()));
    assertThat(thrown).isSameAs(failure);
    assertKind(ErrorKind.NOT_FOUND, () -> provider.stat("w/failed"));
    assertThat(openUploads()).as("uploads left open").isEmpty();
  }

  @Test
  void write_sourceFailsDuringStreamedPut_propagatesUnchanged() {
    StockageException failure = StockageException.policy(PolicyReason.CONTENT_MISMATCH, "refused while streaming");
    InputStream source = failingAfter(bytes(100_000, 4), failure);
    Throwable thrown = catchThrowable(() -> provider.write("w/failed-put", source, WriteOptions.defaults().withLength(200_000)));
    assertThat(thrown).isSameAs(failure);
    assertKind(ErrorKind.NOT_FOUND, () -> provider.stat("w/failed-put"));
  }

  @Test
  void write_sourceThrowsIOException_propagatesItWrappedUnchecked() {
    IOException failure = new IOException("disk gone");
    InputStream source = new SequenceInputStream(new ByteArrayInputStream(bytes(PART + 10, 5)), new InputStream() {
      @Override
      public int read() throws IOException {
        throw failure;
      }
    });
    Throwable thrown = catchThrowable(() -> provider.write("w/io", source, WriteOptions.defaults()));
    assertThat(thrown).isInstanceOf(UncheckedIOException.class).hasCause(failure);
    assertThat(openUploads()).isEmpty();
  }

  @Test
  void write_streamShorterThanDeclared_isInvalidAndLeavesNothing() {
    assertKind(ErrorKind.INVALID_ARGUMENT, () -> provider.write("w/short",
        new ByteArrayInputStream(bytes(1000, 6)), WriteOptions.defaults().withLength(2000)));
    assertKind(ErrorKind.NOT_FOUND, () -> provider.stat("w/short"));
    assertKind(ErrorKind.INVALID_ARGUMENT, () -> provider.write("w/short-parts",
        new ByteArrayInputStream(bytes(PART + 10, 6)), WriteOptions.defaults().withLength(3L * PART)));
    assertKind(ErrorKind.NOT_FOUND, () -> provider.stat("w/short-parts"));
    assertThat(openUploads()).isEmpty();
  }

  @Test
  void write_streamLongerThanDeclared_isInvalidAndLeavesNothing() {
    assertKind(ErrorKind.INVALID_ARGUMENT, () -> provider.write("w/long",
        new ByteArrayInputStream(bytes(1001, 7)), WriteOptions.defaults().withLength(1000)));
    assertKind(ErrorKind.NOT_FOUND, () -> provider.stat("w/long"));
  }

  @Test
  void write_ifAbsentOnExistingKey_isAlreadyExistsAndKeepsTheObject() {
    byte[] old = bytes(100, 8);
    put("w/taken", old);
    assertKind(ErrorKind.ALREADY_EXISTS, () -> provider.write("w/taken", new ByteArrayInputStream(bytes(10, 9)),
        WriteOptions.defaults().withLength(10).onlyIfAbsent()));
    // Past the first part the condition is checked before any part is sent, then again at completion.
    assertKind(ErrorKind.ALREADY_EXISTS, () -> provider.write("w/taken",
        new ByteArrayInputStream(bytes(PART + 1, 9)), WriteOptions.defaults().onlyIfAbsent()));
    assertThat(readAll(provider.read("w/taken", Optional.empty()))).isEqualTo(old);
    assertThat(openUploads()).isEmpty();
  }

  @Test
  void write_ifAbsentOnFreeKey_createsIt() {
    byte[] data = bytes(PART + 3, 10);
    provider.write("w/free", new ByteArrayInputStream(data), WriteOptions.defaults().onlyIfAbsent());
    assertThat(readAll(provider.read("w/free", Optional.empty()))).isEqualTo(data);
  }

  @Test
  void write_ifMatch_replacesOnlyTheMatchingObject() {
    put("w/matched", bytes(100, 11));
    String etag = provider.stat("w/matched").etag().orElseThrow();
    byte[] second = bytes(200, 12);
    ObjectInfo replaced = provider.write("w/matched", new ByteArrayInputStream(second),
        WriteOptions.defaults().withLength(200).onlyIfMatch(etag));
    assertKind(ErrorKind.CONFLICT, () -> provider.write("w/matched", new ByteArrayInputStream(bytes(10, 13)),
        WriteOptions.defaults().withLength(10).onlyIfMatch(etag)));
    assertKind(ErrorKind.CONFLICT, () -> provider.write("w/matched", new ByteArrayInputStream(bytes(PART + 1, 13)),
        WriteOptions.defaults().onlyIfMatch(etag)));
    assertKind(ErrorKind.CONFLICT, () -> provider.write("w/never-written", new ByteArrayInputStream(bytes(10, 14)),
        WriteOptions.defaults().withLength(10).onlyIfMatch(etag)));
    byte[] third = bytes(PART + 5, 15);
    provider.write("w/matched", new ByteArrayInputStream(third), WriteOptions.defaults().onlyIfMatch(replaced.etag().orElseThrow()));
    assertThat(readAll(provider.read("w/matched", Optional.empty()))).isEqualTo(third);
  }

  @Test
  void write_conditionalWithConditionalWritesOff_isUnsupported() {
    try (S3StorageProvider plain = provider(bucket, b -> b.conditionalWrites(false))) {
      assertKind(ErrorKind.UNSUPPORTED, () -> plain.write("w/c", new ByteArrayInputStream(new byte[1]),
          WriteOptions.defaults().onlyIfAbsent()));
    }
  }

  /** The bytes, then the failure thrown from {@code read}. */
  static InputStream failingAfter(byte[] head, RuntimeException failure) {
    return new SequenceInputStream(new ByteArrayInputStream(head), new InputStream() {
      @Override
      public int read() {
        throw failure;
      }
    });
  }
}
