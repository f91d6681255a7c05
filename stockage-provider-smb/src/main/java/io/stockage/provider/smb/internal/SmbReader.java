package io.stockage.provider.smb.internal;

import com.hierynomus.smbj.share.DiskShare;
import com.hierynomus.smbj.share.File;
import io.stockage.ByteRange;
import io.stockage.StockageException;
import io.stockage.spi.storage.ObjectContent;
import io.stockage.spi.storage.ObjectInfo;
import java.util.Optional;

/**
 * Stat and read. A folder, or a name under a file, is no object: {@code NOT_FOUND}. Reads go
 * through their own session, apart from writes: Samba refuses to rename over a file that the
 * same connection holds open ({@code STATUS_ACCESS_DENIED}, "target file open"), but not over one
 * another connection reads, whose reader keeps the old content whole.
 */
public final class SmbReader {
  private static final int CHUNK = 1 << 20;

  private final SmbSession session;
  private final SmbPaths paths;

  /** A reader through the session, of the keys under the paths' root. */
  public SmbReader(SmbSession session, SmbPaths paths) {
    this.session = session;
    this.paths = paths;
  }

  /** The object's size and last write time. */
  public ObjectInfo stat(String key) {
    String path = paths.file(key);
    return session.call("stat", key, share -> {
      File file = SmbHandles.openForStat(share, path);
      try {
        return SmbHandles.info(key, file);
      } finally {
        SmbHandles.closeQuietly(file);
      }
    });
  }

  /** Opens the object, whole or a range; the stream reads a chunk per request and closes the handle. */
  public ObjectContent read(String key, Optional<ByteRange> range) {
    String path = paths.file(key);
    return session.call("read", key, share -> {
      File file = SmbHandles.openForRead(share, path);
      try {
        ObjectInfo info = SmbHandles.info(key, file);
        ByteRange.Slice slice = range.map(r -> r.resolve(info.size())).orElse(ByteRange.Slice.whole(info.size()));
        return new ObjectContent(info, slice, new SmbContentStream(file, slice, CHUNK, e -> failure(e, share, key)));
      } catch (RuntimeException e) {
        SmbHandles.closeQuietly(file);
        throw e;
      }
    });
  }

  private StockageException failure(RuntimeException e, DiskShare share, String key) {
    return session.failure(e, share, "read", key);
  }
}
