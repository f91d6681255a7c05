package io.stockage.core.internal;

import io.stockage.ErrorKind;
import io.stockage.PolicyReason;
import io.stockage.StockageException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.OptionalLong;

/**
 * The one pass over uploaded bytes: computes SHA-256, counts, enforces the size cap whatever the
 * client declared, sniffs the type as soon as the head has arrived, and feeds the whole content to
 * the type's structure check ({@link ContentChecks}). Every check fails from
 * {@code read}, so the provider abandons the staging write before anything is promoted.
 */
public final class UploadStream extends FilterInputStream {
  private final MessageDigest digest;
  private final long maxSize;
  private final OptionalLong declaredSize;
  private final String extension;
  private final ContentSniffer sniffer;
  private final byte[] head = new byte[ContentSniffer.HEAD_SIZE];
  private long count;
  private ContentSniffer.Sniffed sniffed;
  private String mimeType;
  private String sha256;

  /**
   * The client's bytes for one upload into a mount of the engine, after the declared size (when
   * there is one) passed {@link #checkDeclared}: the one way the pipeline and live mounts wrap
   * uploads.
   */
  public static UploadStream of(EngineContext ctx, InputStream in, OptionalLong declared, String extension) {
    checkDeclared(declared, ctx.policy());
    return new UploadStream(in, new UploadLimits(ctx.policy().maxSize(), declared), extension, ctx.sniffer());
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

  /** Wraps the client's bytes for one upload. */
  public UploadStream(InputStream in, UploadLimits limits, String extension, ContentSniffer sniffer) {
    super(in);
    this.maxSize = limits.maxSize();
    this.declaredSize = limits.declaredSize();
    this.extension = extension;
    this.sniffer = sniffer;
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
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
      finish();
      return -1;
    }
    if (n > 0) {
      accept(buf, off, n);
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
    if (mimeType == null) {
      try {
        if (read(new byte[1], 0, 1) != -1) {
          throw sizeMismatch();
        }
      } catch (IOException e) {
        throw StockageException.of(ErrorKind.UNAVAILABLE, "the upload stream broke: " + e, e);
      }
    }
  }

  /** The hex SHA-256 of everything read; valid once the stream reached its end. */
  public String sha256() {
    requireDone();
    return sha256;
  }

  /** The number of bytes read. */
  public long size() {
    return count;
  }

  /** The detected type; valid once the stream reached its end. */
  public String mimeType() {
    requireDone();
    return mimeType;
  }

  private void accept(byte[] buf, int off, int n) {
    if (count < head.length) {
      System.arraycopy(buf, off, head, (int) count, (int) Math.min(n, head.length - count));
    }
    count += n;
    if (count > maxSize) {
      throw StockageException.policy(PolicyReason.TOO_LARGE,
          "the content is larger than the " + maxSize + "-byte limit");
    }
    if (declaredSize.isPresent() && count > declaredSize.getAsLong()) {
      throw sizeMismatch();
    }
    digest.update(buf, off, n);
    if (sniffed == null && count >= head.length) {
      sniffed = sniffer.sniff(extension, head, head.length);
      // The check sees every byte: the head, then what of this chunk lies past it.
      sniffed.check().update(head, 0, head.length);
      int past = (int) (count - head.length);
      sniffed.check().update(buf, off + n - past, past);
    } else if (sniffed != null) {
      sniffed.check().update(buf, off, n);
    }
  }

  private void finish() {
    if (mimeType != null) {
      return;
    }
    if (declaredSize.isPresent() && count != declaredSize.getAsLong()) {
      throw sizeMismatch();
    }
    if (sniffed == null) {
      sniffed = sniffer.sniff(extension, head, (int) count);
      sniffed.check().update(head, 0, (int) count);
    }
    String type = sniffed.confirm(count);
    sha256 = HexFormat.of().formatHex(digest.digest());
    mimeType = type;
  }

  private StockageException sizeMismatch() {
    return StockageException.of(ErrorKind.INVALID_ARGUMENT,
        "the client declared " + declaredSize.getAsLong() + " bytes but sent " + (count > declaredSize.getAsLong()
            ? "more" : count));
  }

  private void requireDone() {
    if (mimeType == null) {
      throw new IllegalStateException("the upload stream was not read to its end");
    }
  }

  /**
   * The limits of one upload.
   *
   * @param maxSize the policy's cap
   * @param declaredSize what the client announced
   */
  public record UploadLimits(long maxSize, OptionalLong declaredSize) {}
}
