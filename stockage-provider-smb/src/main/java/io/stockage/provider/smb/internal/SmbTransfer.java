package io.stockage.provider.smb.internal;

import com.hierynomus.protocol.commons.buffer.Buffer;
import com.hierynomus.protocol.transport.TransportException;
import com.hierynomus.smbj.common.SMBRuntimeException;
import com.hierynomus.smbj.share.File;
import io.stockage.ErrorKind;
import io.stockage.StockageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.OptionalLong;

/**
 * Moves bytes into an open file: from the caller's stream, one buffer at a time, or from another
 * file of the share, server-side when the server can.
 */
final class SmbTransfer {
  /** Bytes read from the caller's stream before each SMB WRITE; the one buffer a write holds. */
  static final int BUFFER = 1 << 20;
  // NTSTATUS values for "this server does not do that": FSCTL_SRV_COPYCHUNK_WRITE unsupported.
  private static final long NOT_SUPPORTED = 0xC00000BBL;
  private static final long NOT_IMPLEMENTED = 0xC0000002L;
  private static final long INVALID_DEVICE_REQUEST = 0xC0000010L;

  private SmbTransfer() {}

  /**
   * Writes the caller's stream to the file from offset 0, reading it to its end (without closing
   * it). A failure of the caller's stream is thrown as {@link SourceFailure}, so that the writer
   * can tell it from the server's.
   *
   * @return the number of bytes written
   * @throws StockageException {@code INVALID_ARGUMENT} when a declared length does not match
   */
  static long fromStream(InputStream data, File file, OptionalLong declared) {
    return fromStream(data, file, declared, 0);
  }

  /** As {@link #fromStream(InputStream, File, OptionalLong)}, writing from {@code start}; returns the bytes written. */
  static long fromStream(InputStream data, File file, OptionalLong declared, long start) {
    byte[] buffer = new byte[(int) Math.min(BUFFER, declared.orElse(BUFFER - 1) + 1)];
    long offset = start;
    while (true) {
      int n = readSource(data, buffer);
      if (n > 0) {
        file.write(buffer, offset, 0, n);
        offset += n;
      }
      if (n < buffer.length) {
        break;
      }
    }
    if (declared.isPresent() && declared.getAsLong() != offset - start) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT,
          "smb write: the stream held " + (offset - start) + " bytes, " + declared.getAsLong() + " were declared");
    }
    return offset - start;
  }

  /** Reads until the buffer is full or the stream ends. */
  private static int readSource(InputStream data, byte[] buffer) {
    try {
      return data.readNBytes(buffer, 0, buffer.length);
    } catch (IOException | RuntimeException | Error e) {
      throw new SourceFailure(e);
    }
  }

  /**
   * Copies one file of the share into another: server-side ({@code FSCTL_SRV_COPYCHUNK_WRITE}, the
   * bytes never leave the server), or through the client when the server does not copy.
   */
  static void fromFile(File source, File target) {
    try {
      source.remoteCopyTo(target);
    } catch (Buffer.BufferException | TransportException e) {
      throw new SMBRuntimeException(e);
    } catch (RuntimeException e) {
      if (!unsupported(e)) {
        throw e;
      }
      streamed(source, target);
    }
  }

  private static boolean unsupported(RuntimeException e) {
    if (e instanceof com.hierynomus.mssmb2.SMBApiException api) {
      long code = api.getStatusCode();
      return code == NOT_SUPPORTED || code == NOT_IMPLEMENTED || code == INVALID_DEVICE_REQUEST;
    }
    return false;
  }

  private static void streamed(File source, File target) {
    byte[] buffer = new byte[BUFFER];
    long offset = 0;
    for (int n = source.read(buffer, offset); n > 0; n = source.read(buffer, offset)) {
      target.write(buffer, offset, 0, n);
      offset += n;
    }
  }

  /** The caller's stream failed: its exception, to be rethrown as it was. */
  static final class SourceFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SourceFailure(Throwable cause) {
      super(cause);
    }

    /** The caller's exception: unchanged, or wrapped in {@link UncheckedIOException} when checked. */
    RuntimeException rethrow() {
      Throwable cause = getCause();
      if (cause instanceof RuntimeException r) {
        return r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      return new UncheckedIOException((IOException) cause);
    }
  }
}
