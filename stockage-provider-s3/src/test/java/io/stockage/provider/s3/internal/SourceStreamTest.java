package io.stockage.provider.s3.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stockage.ErrorKind;
import io.stockage.StockageException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;

class SourceStreamTest {

  @Test
  void body_retriedWithinTheWindow_replaysTheSameBytes() throws IOException {
    byte[] data = bytes(SourceStream.REPLAY_WINDOW - 1_000);
    SourceStream source = new SourceStream(new ByteArrayInputStream(data), OptionalLong.of(data.length));
    ContentStreamProvider body = source.body();
    InputStream first = body.newStream();
    assertThat(first.readNBytes(100_000)).hasSize(100_000);
    InputStream second = body.newStream();
    assertThat(second.readAllBytes()).isEqualTo(data);
    assertThat(body.newStream().readAllBytes()).isEqualTo(data);
    assertThat(source.count()).isEqualTo(data.length);
  }

  @Test
  void body_retriedPastTheWindow_isNotReplayable() throws IOException {
    byte[] data = bytes(SourceStream.REPLAY_WINDOW + 10);
    SourceStream source = new SourceStream(new ByteArrayInputStream(data), OptionalLong.empty());
    ContentStreamProvider body = source.body();
    body.newStream().readAllBytes();
    assertThatThrownBy(body::newStream).isInstanceOf(SourceStream.NotReplayable.class);
  }

  @Test
  void read_callersFailure_isRememberedAndRethrownUnchanged() {
    IllegalStateException failure = new IllegalStateException("policy");
    InputStream failing = new SequenceInputStream(new ByteArrayInputStream(bytes(10)), new InputStream() {
      @Override
      public int read() {
        throw failure;
      }
    });
    SourceStream source = new SourceStream(failing, OptionalLong.empty());
    assertThatThrownBy(() -> source.readAllBytes()).isSameAs(failure);
    assertThatThrownBy(source::rethrowFailure).isSameAs(failure);
    assertThatThrownBy(() -> source.body().newStream()).isSameAs(failure);
  }

  @Test
  void read_callersIOException_isRethrownWrapped() {
    IOException failure = new IOException("disk");
    SourceStream source = new SourceStream(new InputStream() {
      @Override
      public int read() throws IOException {
        throw failure;
      }
    }, OptionalLong.empty());
    assertThatThrownBy(() -> source.read()).isSameAs(failure);
    assertThatThrownBy(source::rethrowFailure).isInstanceOf(UncheckedIOException.class).hasCause(failure);
  }

  @Test
  void read_lengthThatLies_failsBeforeTheLastBytes() {
    SourceStream longer = new SourceStream(new ByteArrayInputStream(bytes(11)), OptionalLong.of(10));
    assertThatThrownBy(() -> longer.readAllBytes()).isInstanceOfSatisfying(StockageException.class,
        e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT));
    SourceStream notEmpty = new SourceStream(new ByteArrayInputStream(bytes(1)), OptionalLong.of(0));
    assertThatThrownBy(() -> notEmpty.readAllBytes()).isInstanceOf(StockageException.class);
    SourceStream shorter = new SourceStream(new ByteArrayInputStream(bytes(9)), OptionalLong.of(10));
    assertThatThrownBy(() -> shorter.readAllBytes()).isInstanceOfSatisfying(StockageException.class,
        e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT));
  }

  @Test
  void close_leavesTheCallersStreamOpen() throws IOException {
    boolean[] closed = {false};
    SourceStream source = new SourceStream(new ByteArrayInputStream(bytes(5)) {
      @Override
      public void close() {
        closed[0] = true;
      }
    }, OptionalLong.empty());
    source.close();
    assertThat(closed[0]).isFalse();
  }

  private static byte[] bytes(int size) {
    byte[] data = new byte[size];
    new Random(size).nextBytes(data);
    return data;
  }
}
