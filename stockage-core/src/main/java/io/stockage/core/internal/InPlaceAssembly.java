package io.stockage.core.internal;

import io.stockage.ErrorKind;
import io.stockage.Mount;
import io.stockage.StockageException;
import io.stockage.spi.catalog.UploadRecords.Progress;
import io.stockage.spi.catalog.UploadRecords.Session;
import io.stockage.spi.storage.ObjectInfo;
import java.io.InputStream;
import java.util.List;
import java.util.OptionalLong;

/**
 * A staging object written in place ({@code writeAt}): each chunk at the session's offset, forced to
 * the disk before it is recorded; whatever an append wrote past the recorded offset is cut off by
 * the next one.
 */
final class InPlaceAssembly implements UploadAssembly {
  private final Mount mount;

  InPlaceAssembly(Mount mount) {
    this.mount = mount;
  }

  @Override
  public Appended append(Session s, InputStream bytes, OptionalLong length, String token) {
    long size = mount.provider().writeAt(UploadAssembly.stagingKey(s), s.offset(), bytes);
    return new Appended(Progress.inPlace(s.offset(), size), List.of(), List.of());
  }

  @Override
  public void discard(Session s, Appended appended, boolean holding) {
    if (!holding) {
      return;
    }
    if (s.offset() == 0) {
      mount.provider().delete(UploadAssembly.stagingKey(s));
    } else {
      mount.provider().writeAt(UploadAssembly.stagingKey(s), s.offset(), InputStream.nullInputStream());
    }
  }

  @Override
  public ObjectInfo finish(Session s) {
    String key = UploadAssembly.stagingKey(s);
    if (s.offset() == 0) {
      mount.provider().writeAt(key, 0, InputStream.nullInputStream());
    }
    ObjectInfo info = mount.provider().stat(key);
    if (info.size() != s.offset()) {
      // A crash after a write and before its record: cut back to what was acknowledged.
      mount.provider().writeAt(key, s.offset(), InputStream.nullInputStream());
      info = mount.provider().stat(key);
    }
    if (info.size() != s.offset()) {
      throw StockageException.of(ErrorKind.UNEXPECTED, "upload " + s.id() + ": the staging object holds "
          + info.size() + " bytes, not " + s.offset());
    }
    return info;
  }

  @Override
  public void abandon(Session s) {
    mount.provider().delete(UploadAssembly.stagingKey(s));
  }
}
