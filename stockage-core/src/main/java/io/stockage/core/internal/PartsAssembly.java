package io.stockage.core.internal;

import io.stockage.ErrorKind;
import io.stockage.Mount;
import io.stockage.StockageException;
import io.stockage.spi.catalog.UploadRecords.Part;
import io.stockage.spi.catalog.UploadRecords.Piece;
import io.stockage.spi.catalog.UploadRecords.Progress;
import io.stockage.spi.catalog.UploadRecords.Session;
import io.stockage.spi.storage.MultipartWrite;
import io.stockage.spi.storage.MultipartWrite.PartInfo;
import io.stockage.spi.storage.ObjectInfo;
import io.stockage.spi.storage.WriteOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A staging object assembled as a multipart upload (an object store): every part but the last is
 * the session's part size, sized from its declared length ({@link UploadService#partSize}). A chunk
 * whose length is known is streamed straight into parts; bytes that do not fill a part wait in a
 * piece object ({@code uploads/{id}/{offset}-{token}}) and go into the next part with the bytes that
 * follow (read back once: the only bytes written twice). A chunk of unknown length is kept as a
 * piece first. The multipart upload begins with the first full part, so an upload smaller than a
 * part never makes one: it is written whole from its pieces at completion.
 */
final class PartsAssembly implements UploadAssembly {
  private final EngineContext ctx;
  private final Mount mount;

  PartsAssembly(EngineContext ctx, Mount mount) {
    this.ctx = ctx;
    this.mount = mount;
  }

  @Override
  public Appended append(Session s, InputStream bytes, OptionalLong length, String token) {
    List<Piece> waiting = ctx.catalog().read(session -> session.uploads().pieces(s.id()));
    long waited = waiting.stream().mapToLong(Piece::size).sum();
    long partsEnd = s.offset() - waited;
    if (length.isPresent() && waited + length.getAsLong() < s.partSize()) {
      Piece piece = piece(s, s.offset(), token, BoundedInputStream.exactly(bytes, length.getAsLong()));
      requireEnd(bytes);
      return new Appended(new Progress(s.offset(), s.offset() + piece.size(), Optional.empty(), List.of(), false,
          List.of(piece)), List.of(piece.key()), List.of());
    }
    List<String> written = new ArrayList<>();
    List<String> replaced = new ArrayList<>(waiting.stream().map(Piece::key).toList());
    InputStream source;
    long total;
    if (length.isPresent()) {
      source = new SequenceInputStream(opening(waiting.iterator(), BoundedInputStream.exactly(bytes, length.getAsLong())));
      total = waited + length.getAsLong();
    } else {
      Piece kept = piece(s, s.offset(), token, bytes);
      written.add(kept.key());
      if (waited + kept.size() < s.partSize()) {
        return new Appended(new Progress(s.offset(), s.offset() + kept.size(), Optional.empty(), List.of(), false,
            List.of(kept)), written, List.of());
      }
      replaced.add(kept.key());
      List<Piece> all = new ArrayList<>(waiting);
      all.add(kept);
      source = new SequenceInputStream(opening(all.iterator(), InputStream.nullInputStream()));
      total = waited + kept.size();
    }
    try (source) {
      return flush(s, source, total, partsEnd, token, new Flushed(written, replaced), bytes);
    } catch (IOException e) {
      throw StockageException.of(ErrorKind.UNAVAILABLE, "reading the upload's pieces failed: " + e, e);
    }
  }

  private record Flushed(List<String> written, List<String> replaced) {}

  // Full parts from the source, then the rest as a piece.
  private Appended flush(Session s, InputStream source, long total, long partsEnd, String token, Flushed objects,
      InputStream chunk) {
    Optional<String> begun = Optional.empty();
    MultipartWrite upload;
    if (s.multipartId().isPresent()) {
      upload = mount.provider().resumeMultipart(UploadAssembly.stagingKey(s), s.multipartId().get());
    } else {
      upload = mount.provider().beginMultipart(UploadAssembly.stagingKey(s), WriteOptions.defaults());
      begun = Optional.of(upload.uploadId());
    }
    List<Part> parts = new ArrayList<>();
    int number = Math.toIntExact(partsEnd / s.partSize()) + 1;
    long at = partsEnd;
    for (long left = total; left >= s.partSize(); left -= s.partSize()) {
      PartInfo put = upload.putPart(number, BoundedInputStream.exactly(source, s.partSize()), s.partSize());
      parts.add(new Part(number++, at, put.size(), put.etag()));
      at += s.partSize();
    }
    List<Piece> pieces = new ArrayList<>();
    if (at < partsEnd + total) {
      Piece rest = piece(s, at, token, source);
      objects.written().add(rest.key());
      pieces.add(rest);
    }
    requireEnd(chunk);
    return new Appended(new Progress(s.offset(), partsEnd + total, begun, parts, true, pieces), objects.written(),
        objects.replaced());
  }

  @Override
  public void discard(Session s, Appended appended, boolean holding) {
    // Parts written past the recorded ones are left out of the completion; only the pieces go.
    appended.written().forEach(key -> mount.provider().delete(key));
    appended.progress().multipartId().ifPresent(id ->
        mount.provider().resumeMultipart(UploadAssembly.stagingKey(s), id).abort());
  }

  @Override
  public ObjectInfo finish(Session s) {
    String key = UploadAssembly.stagingKey(s);
    Optional<ObjectInfo> done = assembled(key, s.offset());
    if (done.isPresent()) {
      // A completion tried before made the object, then failed to record the file: it is whole.
      return done.get();
    }
    List<Piece> pieces = ctx.catalog().read(session -> session.uploads().pieces(s.id()));
    long waited = pieces.stream().mapToLong(Piece::size).sum();
    ObjectInfo info;
    try (InputStream rest = new SequenceInputStream(opening(pieces.iterator(), InputStream.nullInputStream()))) {
      if (s.multipartId().isEmpty()) {
        info = mount.provider().write(key, rest, WriteOptions.defaults().withLength(waited));
      } else {
        MultipartWrite upload = mount.provider().resumeMultipart(key, s.multipartId().get());
        List<Part> parts = ctx.catalog().read(session -> session.uploads().parts(s.id()));
        List<PartInfo> infos = new ArrayList<>(parts.stream().map(p -> new PartInfo(p.number(), p.etag(), p.size()))
            .toList());
        if (waited > 0) {
          infos.add(upload.putPart(parts.size() + 1, rest, waited));
        }
        info = upload.complete(infos);
      }
    } catch (IOException e) {
      throw StockageException.of(ErrorKind.UNAVAILABLE, "reading the upload's pieces failed: " + e, e);
    }
    pieces.forEach(p -> UploadService.deleteQuietly(mount, p.key()));
    return info;
  }

  private Optional<ObjectInfo> assembled(String key, long size) {
    try {
      return Optional.of(mount.provider().stat(key)).filter(info -> info.size() == size);
    } catch (StockageException e) {
      if (e.kind() == ErrorKind.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public void abandon(Session s) {
    s.multipartId().ifPresent(id -> {
      try {
        mount.provider().resumeMultipart(UploadAssembly.stagingKey(s), id).abort();
      } catch (StockageException e) {
        if (e.kind() != ErrorKind.NOT_FOUND) {
          throw e;
        }
      }
    });
  }

  private Piece piece(Session s, long offset, String token, InputStream bytes) {
    String key = UploadService.PREFIX + s.id() + "/" + String.format("%019d", offset) + "-" + token;
    ObjectInfo stored = mount.provider().write(key, bytes, WriteOptions.defaults());
    return new Piece(offset, stored.size(), key);
  }

  // A chunk that goes on past the length its client gave is refused (nothing of it is recorded).
  private static void requireEnd(InputStream chunk) {
    try {
      if (chunk.read() != -1) {
        throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "the chunk is longer than its declared length");
      }
    } catch (IOException e) {
      throw StockageException.of(ErrorKind.UNAVAILABLE, "the upload stream broke: " + e, e);
    }
  }

  // The pieces' objects, each opened when the one before is read to its end, then the tail.
  private java.util.Enumeration<InputStream> opening(Iterator<Piece> pieces, InputStream tail) {
    return new java.util.Enumeration<>() {
      private boolean tailGiven;

      @Override
      public boolean hasMoreElements() {
        return pieces.hasNext() || !tailGiven;
      }

      @Override
      public InputStream nextElement() {
        if (pieces.hasNext()) {
          return mount.provider().read(pieces.next().key(), Optional.empty()).stream();
        }
        tailGiven = true;
        return tail;
      }
    };
  }
}
