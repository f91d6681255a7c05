package io.stockage;

/**
 * A byte range as HTTP expresses it: {@code first-last}, {@code first-} or the last {@code n}
 * bytes. It is resolved against the content size by {@link #resolve(long)}.
 *
 * @param first the first byte, or -1 for a suffix range
 * @param last the last byte (inclusive), or -1 for an open-ended or suffix range
 * @param suffixLength the number of trailing bytes of a suffix range, else -1
 */
public record ByteRange(long first, long last, long suffixLength) {
  /** Validates the combination. */
  public ByteRange {
    boolean suffix = suffixLength >= 0;
    boolean valid = suffix
        ? first == -1 && last == -1 && suffixLength > 0
        : first >= 0 && (last == -1 || last >= first) && suffixLength == -1;
    if (!valid) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT,
          "invalid byte range first=" + first + " last=" + last + " suffix=" + suffixLength);
    }
  }

  /** Bytes {@code first} to {@code last}, both included. */
  public static ByteRange closed(long first, long last) {
    return new ByteRange(first, last, -1);
  }

  /** Bytes from {@code first} to the end. */
  public static ByteRange from(long first) {
    return new ByteRange(first, -1, -1);
  }

  /** The last {@code length} bytes. */
  public static ByteRange suffix(long length) {
    return new ByteRange(-1, -1, length);
  }

  /**
   * The slice of content of the given size this range selects; a range reaching past the end is
   * cut at the end, as HTTP does.
   *
   * @throws StockageException {@link ErrorKind#RANGE_NOT_SATISFIABLE} when the range starts at or
   *     past the end
   */
  public Slice resolve(long size) {
    if (suffixLength >= 0) {
      if (size == 0) {
        throw unsatisfiable(size);
      }
      long length = Math.min(suffixLength, size);
      return new Slice(size - length, length);
    }
    if (first >= size) {
      throw unsatisfiable(size);
    }
    long end = last == -1 ? size - 1 : Math.min(last, size - 1);
    return new Slice(first, end - first + 1);
  }

  private StockageException unsatisfiable(long size) {
    return StockageException.of(ErrorKind.RANGE_NOT_SATISFIABLE,
        "range " + this + " lies outside content of " + size + " bytes");
  }

  /** The HTTP form: {@code bytes=0-99}, {@code bytes=100-}, {@code bytes=-100}. */
  @Override
  public String toString() {
    if (suffixLength >= 0) {
      return "bytes=-" + suffixLength;
    }
    return "bytes=" + first + "-" + (last == -1 ? "" : Long.toString(last));
  }

  /**
   * A resolved, satisfiable range.
   *
   * @param offset the first byte
   * @param length the number of bytes, at least 1 unless the content is empty
   */
  public record Slice(long offset, long length) {
    /** Validates. */
    public Slice {
      if (offset < 0 || length < 0) {
        throw new IllegalArgumentException("offset and length must be >= 0");
      }
    }

    /** The whole of content of the given size. */
    public static Slice whole(long size) {
      return new Slice(0, size);
    }

    /** The last byte of the slice, inclusive. */
    public long last() {
      return offset + length - 1;
    }
  }
}
