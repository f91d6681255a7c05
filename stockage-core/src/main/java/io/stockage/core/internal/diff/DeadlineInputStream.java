package io.stockage.core.internal.diff;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Checks a {@link Deadline} before every read; closing closes the wrapped stream. */
final class DeadlineInputStream extends FilterInputStream {
  private final Deadline deadline;

  DeadlineInputStream(InputStream in, Deadline deadline) {
    super(in);
    this.deadline = deadline;
  }

  /** The wrapped stream (a local file's may be mapped instead of read: {@code FileBacked}). */
  InputStream source() {
    return in;
  }

  @Override
  public int read() throws IOException {
    deadline.check();
    return super.read();
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    deadline.check();
    return super.read(buf, off, len);
  }

  @Override
  public long skip(long n) throws IOException {
    deadline.check();
    return super.skip(n);
  }
}
