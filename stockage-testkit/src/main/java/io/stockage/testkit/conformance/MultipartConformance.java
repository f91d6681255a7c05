package io.stockage.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.stockage.Capability;
import io.stockage.ErrorKind;
import io.stockage.spi.storage.MultipartWrite;
import io.stockage.spi.storage.MultipartWrite.PartInfo;
import io.stockage.spi.storage.ObjectInfo;
import io.stockage.spi.storage.WriteOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Multipart uploads ({@code MULTIPART_UPLOAD}): parts written out of order and listed by number,
 * invisible until completed, assembled in number order; a part written twice keeps the last;
 * abort frees the upload; an upload is resumed by its id. Without the capability, beginning or
 * resuming fails with {@code UNSUPPORTED}.
 */
public abstract class MultipartConformance extends ConformanceSuite {

  /** For subclasses. */
  protected MultipartConformance() {}

  @Test
  void multipart_partsOutOfOrder_completeConcatenatesThem() {
    assumeSupports(Capability.MULTIPART_UPLOAD);
    String key = key("assembled.bin");
    MultipartWrite upload = provider().beginMultipart(key, WriteOptions.defaults());
    assertThat(upload.key()).isEqualTo(key);
    assertThat(upload.uploadId()).isNotBlank();
    byte[] last = part(3, 1000);
    assertThat(upload.putPart(3, new ByteArrayInputStream(last), last.length)).extracting(PartInfo::number, PartInfo::size)
        .containsExactly(3, 1000L);
    putPart(upload, 1, partSize());
    putPart(upload, 2, partSize());
    assertThat(upload.parts()).extracting(PartInfo::number).containsExactly(1, 2, 3);
    assertThat(upload.parts()).extracting(PartInfo::size).containsExactly((long) partSize(), (long) partSize(), 1000L);
    assertFails(ErrorKind.NOT_FOUND, () -> provider().stat(key));
    ObjectInfo info = upload.complete(upload.parts());
    byte[] expected = concat(part(1, partSize()), part(2, partSize()), last);
    assertThat(info.key()).isEqualTo(key);
    assertThat(info.size()).isEqualTo(expected.length);
    Bytes.assertSame(read(key), expected, "completed upload");
  }

  @Test
  void multipart_partWrittenTwice_keepsTheLastOne() {
    assumeSupports(Capability.MULTIPART_UPLOAD);
    String key = key("rewritten.bin");
    MultipartWrite upload = provider().beginMultipart(key, WriteOptions.defaults());
    putPart(upload, 1, partSize() + 10);
    byte[] first = putPart(upload, 1, partSize());
    byte[] second = putPart(upload, 2, 500);
    assertThat(upload.parts()).extracting(PartInfo::size).containsExactly((long) partSize(), 500L);
    upload.complete(upload.parts());
    Bytes.assertSame(read(key), concat(first, second), "upload with a part written twice");
  }

  @Test
  void multipart_abort_freesTheUpload() {
    assumeSupports(Capability.MULTIPART_UPLOAD);
    String key = key("aborted.bin");
    MultipartWrite upload = provider().beginMultipart(key, WriteOptions.defaults());
    putPart(upload, 1, partSize());
    upload.abort();
    assertFails(ErrorKind.NOT_FOUND, () -> provider().resumeMultipart(key, upload.uploadId()));
    assertFails(ErrorKind.NOT_FOUND, () -> provider().stat(key));
    upload.abort();
  }

  @Test
  void multipart_resumeByUploadId_continuesTheUpload() {
    assumeSupports(Capability.MULTIPART_UPLOAD);
    String key = key("resumed.bin");
    MultipartWrite begun = provider().beginMultipart(key, WriteOptions.defaults());
    byte[] first = putPart(begun, 1, partSize());
    MultipartWrite resumed = provider().resumeMultipart(key, begun.uploadId());
    assertThat(resumed.uploadId()).isEqualTo(begun.uploadId());
    assertThat(resumed.key()).isEqualTo(key);
    assertThat(resumed.parts()).extracting(PartInfo::number, PartInfo::size).containsExactly(tuple(1, (long) partSize()));
    byte[] second = putPart(resumed, 2, 777);
    resumed.complete(resumed.parts());
    Bytes.assertSame(read(key), concat(first, second), "resumed upload");
  }

  @Test
  void multipart_resumeAfterComplete_isNotFound() {
    assumeSupports(Capability.MULTIPART_UPLOAD);
    String key = key("done.bin");
    MultipartWrite upload = provider().beginMultipart(key, WriteOptions.defaults());
    putPart(upload, 1, 100);
    upload.complete(upload.parts());
    assertFails(ErrorKind.NOT_FOUND, () -> provider().resumeMultipart(key, upload.uploadId()));
  }

  @Test
  void multipart_withoutMultipartUpload_isUnsupported() {
    assumeLacks(Capability.MULTIPART_UPLOAD);
    assertUnsupported(Capability.MULTIPART_UPLOAD, () -> provider().beginMultipart(key("big"), WriteOptions.defaults()));
    assertUnsupported(Capability.MULTIPART_UPLOAD, () -> provider().resumeMultipart(key("big"), "upload-1"));
    assertFails(ErrorKind.NOT_FOUND, () -> provider().stat(key("big")));
  }

  /** The smallest part allowed but for the last: the provider's minimum, at least 1 KiB. */
  private int partSize() {
    return (int) Math.max(1024, capabilities().limits().minPartSize());
  }

  private static byte[] putPart(MultipartWrite upload, int number, int size) {
    byte[] data = part(number, size);
    PartInfo info = upload.putPart(number, new ByteArrayInputStream(data), size);
    assertThat(info.number()).isEqualTo(number);
    assertThat(info.size()).isEqualTo(size);
    return data;
  }

  private static byte[] part(int number, int size) {
    return Bytes.random(size, 31L * number + size);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
