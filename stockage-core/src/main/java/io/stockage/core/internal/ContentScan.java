package io.stockage.core.internal;

import io.stockage.ErrorKind;
import io.stockage.PolicyReason;
import io.stockage.StockageException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.OptionalLong;

/**
 * What the pipeline learns from an upload's bytes, fed to it in order, in one pass or over many
 * chunks: computes SHA-256, counts, enforces the size cap whatever the client declared, sniffs the
 * type as soon as the head has arrived, and feeds the whole content to the type's structure check
 * ({@link ContentChecks}). Every check fails from {@link #accept} with a {@link StockageException}.
 */
public final class ContentScan {
  private final MessageDigest digest;
  private final long maxSize;
  private final long quotaRoom;
  private final OptionalLong declaredSize;
  private final String extension;
  private final ContentSniffer sniffer;
  private final byte[] head = new byte[ContentSniffer.HEAD_SIZE];
  private long count;
  private ContentSniffer.Sniffed sniffed;
  private Result result;

  /** A scan of one upload's bytes. */
  public ContentScan(UploadLimits limits, String extension, ContentSniffer sniffer) {
    this.maxSize = limits.maxSize();
    this.quotaRoom = limits.quotaRoom();
    this.declaredSize = limits.declaredSize();
    this.extension = extension;
    this.sniffer = sniffer;
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The bytes that follow those accepted so far. */
  public void accept(byte[] buf, int off, int n) {
    if (count < head.length) {
      System.arraycopy(buf, off, head, (int) count, (int) Math.min(n, head.length - count));
    }
    count += n;
    if (count > maxSize) {
      throw StockageException.policy(PolicyReason.TOO_LARGE,
          "the content is larger than the " + maxSize + "-byte limit");
    }
    if (count > quotaRoom) {
      throw QuotaService.exceeded("the content is larger than the " + Math.max(0, quotaRoom)
          + " bytes left of the storage quota");
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

  /** The extension the content is checked against. */
  public String extension() {
    return extension;
  }

  /** The number of bytes accepted. */
  public long count() {
    return count;
  }

  /** Whether {@link #finish} has run. */
  public boolean finished() {
    return result != null;
  }

  /** Ends the content: checks its length and structure; the second call returns the first's result. */
  public Result finish() {
    if (result != null) {
      return result;
    }
    if (declaredSize.isPresent() && count != declaredSize.getAsLong()) {
      throw sizeMismatch();
    }
    if (sniffed == null) {
      sniffed = sniffer.sniff(extension, head, (int) count);
      sniffed.check().update(head, 0, (int) count);
    }
    String type = sniffed.confirm(count);
    result = new Result(HexFormat.of().formatHex(digest.digest()), type, count);
    return result;
  }

  StockageException sizeMismatch() {
    return StockageException.of(ErrorKind.INVALID_ARGUMENT,
        "the client declared " + declaredSize.getAsLong() + " bytes but sent " + (count > declaredSize.getAsLong()
            ? "more" : count));
  }

  /**
   * What the scan found.
   *
   * @param sha256 hex SHA-256 of the content
   * @param mimeType the detected type
   * @param size the content's length
   */
  public record Result(String sha256, String mimeType, long size) {}

  /**
   * The limits of one upload.
   *
   * @param maxSize the policy's cap
   * @param declaredSize what the client announced
   * @param quotaRoom the bytes left of the storage quotas
   */
  public record UploadLimits(long maxSize, OptionalLong declaredSize, long quotaRoom) {
    /** Limits without a quota. */
    public UploadLimits(long maxSize, OptionalLong declaredSize) {
      this(maxSize, declaredSize, Long.MAX_VALUE);
    }
  }
}
