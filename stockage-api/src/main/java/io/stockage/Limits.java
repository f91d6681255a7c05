package io.stockage;

/**
 * Numeric limits of a provider.
 *
 * @param maxObjectSize largest object it stores, in bytes
 * @param minPartSize smallest part of a multipart upload (but the last), in bytes; 0 when
 *     multipart is not supported
 * @param maxPartSize largest part of a multipart upload, in bytes; 0 when not supported
 * @param maxKeyLength longest key, in UTF-8 bytes
 */
public record Limits(long maxObjectSize, long minPartSize, long maxPartSize, int maxKeyLength) {
  /** Validates. */
  public Limits {
    if (maxObjectSize < 1 || minPartSize < 0 || maxPartSize < minPartSize || maxKeyLength < 1) {
      throw StockageException.of(ErrorKind.CONFIG_INVALID, "invalid limits");
    }
  }

  /** Limits of a store without multipart uploads. */
  public static Limits of(long maxObjectSize, int maxKeyLength) {
    return new Limits(maxObjectSize, 0, 0, maxKeyLength);
  }
}
