package io.stockage.core.internal;

import io.stockage.Capability;
import io.stockage.Mount;
import io.stockage.StockageException;
import io.stockage.spi.catalog.UploadRecords.Progress;
import io.stockage.spi.catalog.UploadRecords.Session;
import io.stockage.spi.storage.ObjectInfo;
import java.io.InputStream;
import java.util.List;
import java.util.OptionalLong;

/**
 * How a resumable upload's bytes become one staging object on its mount, {@code uploads/{id}/data},
 * that completion promotes like any staged upload: written in place chunk after chunk where the
 * provider writes at an offset ({@link InPlaceAssembly}), or as the parts of a multipart upload on an
 * object store ({@link PartsAssembly}). Every byte is written once (but for pieces smaller than a part).
 */
interface UploadAssembly {

  /** The staging object of a session. */
  static String stagingKey(Session s) {
    return UploadService.PREFIX + s.id() + "/data";
  }

  /** The assembly a mount supports: in place, else in parts. */
  static UploadAssembly of(EngineContext ctx, Mount mount) {
    if (mount.provider().capabilities().supports(Capability.WRITE_AT_OFFSET)) {
      return new InPlaceAssembly(mount);
    }
    if (mount.provider().capabilities().supports(Capability.MULTIPART_UPLOAD)) {
      return new PartsAssembly(ctx, mount);
    }
    throw StockageException.unsupported(Capability.WRITE_AT_OFFSET, "resumable uploads on mount " + mount.name()
        + " (neither " + Capability.WRITE_AT_OFFSET + " nor " + Capability.MULTIPART_UPLOAD + ")");
  }

  /**
   * Stores a chunk at the session's offset.
   *
   * @param bytes the chunk, counted and checked as it is read
   * @param length its length, when the client said
   * @param token the append's lease token, which names the objects it writes
   */
  Appended append(Session s, InputStream bytes, OptionalLong length, String token);

  /**
   * Takes back an append that was stored but will not be recorded (its checksum was wrong, its lease
   * lost): the objects of its own always; what it wrote into the shared staging object only while it
   * still holds the lease ({@code holding}), since after that the bytes there are another append's.
   */
  void discard(Session s, Appended appended, boolean holding);

  /** Makes the staging object whole, once every byte is recorded. */
  ObjectInfo finish(Session s);

  /** Removes what the session stored but its objects under {@code uploads/{id}/}, which the caller lists. */
  void abandon(Session s);

  /**
   * What an append stored.
   *
   * @param progress what to record
   * @param written objects it wrote, removed if it is not recorded
   * @param replaced objects it made useless, removed once it is recorded
   */
  record Appended(Progress progress, List<String> written, List<String> replaced) {
    /** Copies. */
    public Appended {
      written = List.copyOf(written);
      replaced = List.copyOf(replaced);
    }
  }
}
