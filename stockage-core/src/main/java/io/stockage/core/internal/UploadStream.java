package io.stockage.core.internal;

import io.stockage.ErrorKind;
import io.stockage.PolicyReason;
import io.stockage.StockageException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;

/**
 * The one pass over an upload's bytes as they stream: each read feeds a {@link ContentScan}, so
 * every check fails from {@code read} and the provider abandons the staging write before anything
 * is promoted.
 */
public final class UploadStream extends FilterInputStream {
  private final ContentScan scan;

  /**
   * The client's bytes for one upload into a mount of the engine, after the declared size (when
   * there is one) passed {@link #checkDeclared}: the one way the pipeline and live mounts wrap
   * uploads.
   */
  public static UploadStream of(EngineContext ctx, InputStream in, OptionalLong declared, String extension) {
    return of(ctx, in, declared, extension, Long.MAX_VALUE);
  }

  /** As {@link #of(EngineContext, InputStream, OptionalLong, String)}, within the room left of the storage quotas. */
  public static UploadStream of(EngineContext ctx, InputStream in, OptionalLong declared, String extension,
      long quotaRoom) {
    checkDeclared(declared, ctx.policy());
    QuotaService.checkDeclared(declared, quotaRoom);
    return new UploadStream(in, new ContentScan(new ContentScan.UploadLimits(ctx.policy().maxSize(), declared,
        quotaRoom), extension, ctx.sniffer()));
  }

  /**
   * Refuses a declared size before a byte is read: negative ({@code INVALID_ARGUMENT}) or above the
   * policy's cap ({@code POLICY_VIOLATION (TOO_LARGE)}).
   */
  public static void checkDeclared(OptionalLong declared, io.stockage.UploadPolicy policy) {
    if (declared.isPresent() && declared.getAsLong() < 0) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "a declared size cannot be negative");
    }
    if (declared.isPresent() && declared.getAsLong() > policy.maxSize()) {
      throw StockageException.policy(PolicyReason.TOO_LARGE,
          "the declared size " + declared.getAsLong() + " exceeds the " + policy.maxSize() + "-byte limit");
    }
  }

  /** Feeds the bytes read from {@code in} to the scan. */
  public UploadStream(InputStream in, ContentScan scan) {
    super(in);
    this.scan = scan;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    int n;
    try {
      n = super.read(buf, off, len);
    } catch (IOException e) {
      // Thrown as a StockageException so that it passes through the provider unchanged.
      throw StockageException.of(ErrorKind.UNAVAILABLE, "the upload stream broke: " + e, e);
    }
    if (n < 0) {
      scan.finish();
      return -1;
    }
    if (n > 0) {
      scan.accept(buf, off, n);
    }
    return n;
  }

  @Override
  public long skip(long n) {
    throw new UnsupportedOperationException("an upload is read whole");
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  /**
   * Checks that the stream was read to its end: a provider told the declared length stops there,
   * and a client that sent more than it declared is caught here.
   */
  public void requireEnd() {
    if (!scan.finished()) {
      try {
        if (read(new byte[1], 0, 1) != -1) {
          throw scan.sizeMismatch();
        }
      } catch (IOException e) {
        throw StockageException.of(ErrorKind.UNAVAILABLE, "the upload stream broke: " + e, e);
      }
    }
  }

  /** What the scan found; valid once the stream reached its end. */
  public ContentScan.Result result() {
    if (!scan.finished()) {
      throw new IllegalStateException("the upload stream was not read to its end");
    }
    return scan.finish();
  }

  /** The number of bytes read. */
  public long size() {
    return scan.count();
  }
}
