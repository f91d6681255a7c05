package io.stockage.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stockage.Capability;
import io.stockage.ErrorKind;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Writes in place ({@code WRITE_AT_OFFSET}): chunks written one after another make the object; a
 * write at an earlier offset cuts off what followed; a stream that fails propagates its failure and
 * leaves the bytes before the offset as they were; an offset past the end or on a missing key is refused. Without
 * the capability, {@code writeAt} fails with {@code UNSUPPORTED}.
 */
public abstract class WriteAtConformance extends ConformanceSuite {

  /** For subclasses. */
  protected WriteAtConformance() {}

  @Test
  void writeAt_chunksInTurn_makeTheObject() {
    assumeSupports(Capability.WRITE_AT_OFFSET);
    String key = key("assembled/data");
    byte[] all = Bytes.random(300_000, 11);
    assertThat(provider().writeAt(key, 0, slice(all, 0, 100_000))).isEqualTo(100_000);
    assertThat(provider().writeAt(key, 100_000, slice(all, 100_000, 250_000))).isEqualTo(250_000);
    assertThat(provider().writeAt(key, 250_000, slice(all, 250_000, 300_000))).isEqualTo(300_000);
    assertThat(provider().stat(key).size()).isEqualTo(all.length);
    Bytes.assertSame(read(key), all, "object written in three chunks");
  }

  @Test
  void writeAt_readsTheStreamToItsEndOnce_neverPastIt() {
    assumeSupports(Capability.WRITE_AT_OFFSET);
    String key = key("once");
    byte[] data = Bytes.random(2 * 1024 * 1024 + 3, 16);
    assertThat(provider().writeAt(key, 0, new WriteConformance.EndOnce(data))).isEqualTo(data.length);
    Bytes.assertSame(read(key), data, "object written from a stream read once to its end");
  }

  @Test
  void writeAt_anEarlierOffset_cutsOffWhatFollowed() {
    assumeSupports(Capability.WRITE_AT_OFFSET);
    String key = key("rewritten");
    byte[] first = Bytes.random(5_000, 12);
    byte[] again = Bytes.random(1_000, 13);
    provider().writeAt(key, 0, new ByteArrayInputStream(first));
    assertThat(provider().writeAt(key, 2_000, new ByteArrayInputStream(again))).isEqualTo(3_000);
    byte[] expected = Arrays.copyOf(first, 3_000);
    System.arraycopy(again, 0, expected, 2_000, again.length);
    Bytes.assertSame(read(key), expected, "object rewritten from offset 2000");
  }

  @Test
  void writeAt_aFailingStream_keepsWhatCameBefore_andTheNextWriteCutsTheRest() {
    assumeSupports(Capability.WRITE_AT_OFFSET);
    String key = key("cut");
    byte[] first = Bytes.random(4_000, 14);
    provider().writeAt(key, 0, new ByteArrayInputStream(first));
    RuntimeException broken = new IllegalStateException("connection reset");
    assertThatThrownBy(() -> provider().writeAt(key, 4_000, failingAfter(70_000, broken))).isSameAs(broken);
    byte[] held = read(key);
    assertThat(held.length).isGreaterThanOrEqualTo(first.length);
    Bytes.assertSame(Arrays.copyOf(held, first.length), first, "the bytes before the offset");
    byte[] second = Bytes.random(500, 15);
    assertThat(provider().writeAt(key, 4_000, new ByteArrayInputStream(second))).isEqualTo(4_500);
    byte[] expected = Arrays.copyOf(first, 4_500);
    System.arraycopy(second, 0, expected, 4_000, 500);
    Bytes.assertSame(read(key), expected, "object written again from the offset");
  }

  @Test
  void writeAt_pastTheEndOrOnAMissingKey_isRefused() {
    assumeSupports(Capability.WRITE_AT_OFFSET);
    String key = key("short");
    provider().writeAt(key, 0, new ByteArrayInputStream(new byte[10]));
    assertFails(ErrorKind.INVALID_ARGUMENT, () -> provider().writeAt(key, 11, new ByteArrayInputStream(new byte[1])));
    assertFails(ErrorKind.NOT_FOUND, () -> provider().writeAt(key("missing"), 5, new ByteArrayInputStream(new byte[1])));
    assertThat(provider().stat(key).size()).isEqualTo(10);
  }

  @Test
  void writeAt_withoutTheCapability_isUnsupported() {
    assumeLacks(Capability.WRITE_AT_OFFSET);
    assertUnsupported(Capability.WRITE_AT_OFFSET, () -> provider().writeAt(key("x"), 0,
        new ByteArrayInputStream(new byte[1])));
  }

  private static InputStream slice(byte[] all, int from, int to) {
    return new ByteArrayInputStream(Arrays.copyOfRange(all, from, to));
  }

  private static InputStream failingAfter(int bytes, RuntimeException failure) {
    return new InputStream() {
      private int sent;

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (sent >= bytes) {
          throw failure;
        }
        int n = Math.min(len, bytes - sent);
        sent += n;
        return n;
      }
    };
  }
}
