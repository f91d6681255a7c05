package io.stockage.testkit;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes the bytes of a stream on, and runs an action once {@code after} bytes have passed: for
 * tests that stop or kill a server in the middle of an upload.
 */
public final class StopAfter extends FilterInputStream {
  private final long after;
  private final Runnable action;
  private long count;
  private boolean done;

  /** Wraps {@code in}; {@code action} runs once, when a read is asked for after {@code after} bytes. */
  public StopAfter(InputStream in, long after, Runnable action) {
    super(in);
    this.after = after;
    this.action = action;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    if (!done && count >= after) {
      done = true;
      action.run();
    }
    int n = super.read(buf, off, (int) Math.min(len, Math.max(1, after - count)));
    if (n > 0) {
      count += n;
    }
    return n;
  }
}
