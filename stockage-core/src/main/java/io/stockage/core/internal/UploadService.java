package io.stockage.core.internal;

import io.stockage.ErrorKind;
import io.stockage.Item;
import io.stockage.Mount;
import io.stockage.NewContent;
import io.stockage.NewUpload;
import io.stockage.Permission;
import io.stockage.PolicyReason;
import io.stockage.Project;
import io.stockage.StockageException;
import io.stockage.Subject;
import io.stockage.Upload;
import io.stockage.UploadChunk;
import io.stockage.UploadId;
import io.stockage.UploadSession;
import io.stockage.Uploads;
import io.stockage.spi.catalog.UploadRecords.Chunk;
import io.stockage.spi.catalog.UploadRecords.Session;
import io.stockage.spi.storage.ObjectInfo;
import io.stockage.spi.storage.ObjectPage;
import io.stockage.spi.storage.WriteOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resumable uploads. Each chunk is written, whole, as an object of its own under
 * {@code uploads/{session}/} on the target's mount (the provider's atomic write: a chunk that breaks
 * off leaves nothing), then recorded in the catalog with the session's new offset, under an append
 * lease (one append at a time on any node), renewed while bytes arrive: an append whose client
 * stalls (a half-open connection, a crashed node) loses the session after {@link #LEASE}. Completing
 * streams the chunks, in order, through the plain upload (or new revision), which authorizes,
 * checks, hashes and commits as for any upload; the chunks then go.
 */
public final class UploadService implements Uploads {
  private static final Logger LOG = LoggerFactory.getLogger(UploadService.class);
  /** How long one append holds the session. */
  static final Duration LEASE = Duration.ofSeconds(8);
  /** How often a flowing append renews its lease. */
  private static final Duration RENEW = Duration.ofSeconds(2);
  private static final String PREFIX = "uploads/";

  private final EngineContext ctx;
  private final io.stockage.Files files;
  private final io.stockage.LiveMounts live;
  private final Duration ttl;

  /** Uploads over the engine's context, completed through its files view; sessions live for the ttl. */
  public UploadService(EngineContext ctx, io.stockage.Files files, io.stockage.LiveMounts live, Duration ttl) {
    this.ctx = ctx;
    this.files = files;
    this.live = live;
    this.ttl = ttl;
  }

  @Override
  public UploadSession create(Subject subject, NewUpload upload) {
    Operation op = Operation.mutation(ctx, "create-upload", subject, upload.file().map(Object::toString)
        .or(() -> upload.mount().map(m -> m + ":" + upload.path().orElseThrow()))
        .orElseGet(() -> upload.location().orElseThrow().project() + "/" + upload.name().orElseThrow()));
    return op.run(() -> ctx.catalog().inTransaction(session -> {
      UploadStream.checkDeclared(upload.length(), ctx.policy());
      String mount;
      if (upload.file().isPresent()) {
        Lookups.Located file = Lookups.liveFile(op, session, upload.file().get(), Permission.CHANGE, false);
        NameRules.fileName(file.item().name(), ctx.policy());
        mount = file.item().mount();
      } else if (upload.mount().isPresent()) {
        // The chunks wait on the default managed mount: on the live one they would show in its listings.
        LiveAccess.require(op, session, ctx, upload.mount().get(), io.stockage.MountRole.EDITOR);
        LivePaths.requireClean(upload.path().get());
        NameRules.fileName(LivePaths.name(LivePaths.normalize(upload.path().get())), ctx.policy());
        mount = ctx.defaultMount();
      } else {
        Project project = Lookups.projectOf(op, session, upload.location().get().project());
        Lookups.folder(op, session, project, upload.location().get().folder(), Permission.ADD);
        NameRules.fileName(upload.name().get(), ctx.policy());
        mount = project.mount();
      }
      Instant now = ctx.clock().instant();
      Session row = new Session(UploadId.random(), subject.org(), subject.user(), mount, upload, 0, now, now.plus(ttl),
          false, Optional.empty());
      session.uploads().insert(row);
      session.audit().append(op.allowed(java.util.Map.of("upload", row.id().toString())));
      return view(row);
    }));
  }

  @Override
  public UploadSession append(Subject subject, UploadId id, UploadChunk chunk) {
    Operation op = Operation.mutation(ctx, "append-upload", subject, id.toString());
    long offset = chunk.offset();
    MessageDigest digest = chunk.checksumAlgorithm().map(UploadService::digest).orElse(null);
    try (InputStream in = digest == null ? chunk.content() : new DigestInputStream(chunk.content(), digest)) {
      return op.run(() -> {
        String token = UUID.randomUUID().toString();
        Instant now = ctx.clock().instant();
        Session s = ctx.catalog().inTransaction(session -> {
          Session found = owned(session.uploads().find(id, true), subject, id);
          if (found.completed()) {
            throw StockageException.of(ErrorKind.CONFLICT, "upload " + id + " is completed");
          }
          if (found.offset() != offset) {
            throw StockageException.of(ErrorKind.CONFLICT, "upload " + id + " stands at offset " + found.offset()
                + ", not " + offset);
          }
          if (!session.uploads().lease(id, offset, token, now, now.plus(LEASE))) {
            throw StockageException.of(ErrorKind.CONFLICT, "another append to upload " + id + " is in progress");
          }
          return found;
        });
        Mount mount = ctx.mount(s.mount());
        // The append's own object: a late append that lost its lease writes and removes only its own.
        String key = PREFIX + id + "/" + String.format("%019d", offset) + "-" + token;
        long room = Math.min(ctx.policy().maxSize(), s.target().length().orElse(Long.MAX_VALUE)) - offset;
        Counted counted = new Counted(in, room, s.target().length().isPresent()
            && s.target().length().getAsLong() < ctx.policy().maxSize(), () -> renew(id, token));
        ObjectInfo stored;
        try {
          stored = mount.provider().write(key, counted, WriteOptions.defaults());
        } catch (RuntimeException e) {
          release(id, token);
          throw counted.overflow != null ? counted.overflow : e;
        }
        boolean matches = digest == null || MessageDigest.isEqual(digest.digest(), chunk.checksum().orElseThrow());
        if (!matches || stored.size() == 0) {
          mount.provider().delete(key);
          release(id, token);
          if (!matches) {
            throw StockageException.policy(PolicyReason.CHECKSUM_MISMATCH, "the chunk's "
                + chunk.checksumAlgorithm().get() + " does not match its bytes: it was not stored");
          }
          return view(s);
        }
        Chunk written = new Chunk(offset, stored.size(), key);
        if (!ctx.catalog().inTransaction(session -> session.uploads().addChunk(id, token, written))) {
          mount.provider().delete(key);
          throw StockageException.of(ErrorKind.CONFLICT, "upload " + id + ": the append went " + LEASE.toSeconds()
              + " s without a byte and another took over; read the offset again");
        }
        return new UploadSession(s.id(), s.target(), offset + written.size(), s.expiresAt(), false, Optional.empty());
      });
    } catch (IOException e) {
      throw StockageException.of(ErrorKind.UNEXPECTED, "closing the chunk failed: " + e, e);
    }
  }

  @Override
  public UploadSession declareLength(Subject subject, UploadId id, long length) {
    Operation op = Operation.mutation(ctx, "declare-upload-length", subject, id.toString());
    return op.run(() -> ctx.catalog().inTransaction(session -> {
      Session s = owned(session.uploads().find(id, true), subject, id);
      if (s.target().length().isPresent()) {
        throw StockageException.of(ErrorKind.CONFLICT, "upload " + id + " has its length already");
      }
      if (length < s.offset()) {
        throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "upload " + id + " holds " + s.offset()
            + " bytes already, more than " + length);
      }
      UploadStream.checkDeclared(java.util.OptionalLong.of(length), ctx.policy());
      session.uploads().declareLength(id, length);
      return view(owned(session.uploads().find(id, false), subject, id));
    }));
  }

  @Override
  public UploadSession status(Subject subject, UploadId id) {
    Operation op = Operation.query(ctx, "upload-status", subject, id.toString());
    return op.run(() -> ctx.catalog().read(session -> view(owned(session.uploads().find(id, false), subject, id))));
  }

  @Override
  public UploadSession complete(Subject subject, UploadId id) {
    Operation op = Operation.mutation(ctx, "complete-upload", subject, id.toString());
    return op.run(() -> {
      Session s = ctx.catalog().read(session -> owned(session.uploads().find(id, false), subject, id));
      if (s.completed()) {
        return view(s);
      }
      if (!view(s).full()) {
        throw StockageException.of(ErrorKind.CONFLICT, "upload " + id + " holds " + s.offset() + " of "
            + (s.target().length().isPresent() ? s.target().length().getAsLong() + " bytes" : "an undeclared length"));
      }
      List<Chunk> chunks = ctx.catalog().read(session -> session.uploads().chunks(id));
      Mount mount = ctx.mount(s.mount());
      long length = s.target().length().getAsLong();
      NewUpload target = s.target();
      try (InputStream content = new SequenceInputStream(opening(mount, chunks.iterator()))) {
        Optional<io.stockage.ItemId> item;
        if (target.mount().isPresent()) {
          live.put(subject, io.stockage.EntryUpload.of(target.mount().get(), target.path().get(), content)
              .withDeclaredSize(length));
          item = Optional.empty();
        } else if (target.file().isPresent()) {
          item = Optional.of(files.write(subject, target.file().get(), NewContent.of(content).withDeclaredSize(length)).id());
        } else {
          item = Optional.of(files.upload(subject, Upload.of(target.location().get(), target.name().get(), content)
              .withDeclaredSize(length)).id());
        }
        Instant now = ctx.clock().instant();
        ctx.catalog().inTransaction(session -> {
          session.uploads().completed(id, item, now);
          return null;
        });
        chunks.forEach(c -> deleteQuietly(mount, c.key()));
        return new UploadSession(s.id(), s.target(), s.offset(), s.expiresAt(), true, item);
      } catch (IOException e) {
        throw StockageException.of(ErrorKind.UNEXPECTED, "closing the chunks failed: " + e, e);
      }
    });
  }

  @Override
  public void abort(Subject subject, UploadId id) {
    Operation op = Operation.mutation(ctx, "abort-upload", subject, id.toString());
    op.run(() -> {
      Session s = ctx.catalog().inTransaction(session -> {
        Session found = owned(session.uploads().find(id, true), subject, id);
        session.uploads().delete(id);
        session.audit().append(op.allowed(java.util.Map.of()));
        return found;
      });
      removeObjects(s);
      return null;
    });
  }

  /** Removes the sessions past their expiry and what they stored; returns how many. */
  public int expire() {
    List<Session> expired = ctx.catalog().read(session -> session.uploads().expired(ctx.clock().instant(), 1000));
    for (Session s : expired) {
      ctx.catalog().inTransaction(session -> {
        session.uploads().delete(s.id());
        return null;
      });
      removeObjects(s);
    }
    return expired.size();
  }

  // Every object under the session's prefix: recorded chunks, and one written by an append that died.
  private void removeObjects(Session s) {
    Mount mount = ctx.mounts().get(s.mount());
    if (mount == null) {
      return;
    }
    Optional<String> after = Optional.empty();
    do {
      ObjectPage page = mount.provider().list(PREFIX + s.id() + "/", after, 1000);
      page.objects().forEach(o -> deleteQuietly(mount, o.key()));
      after = page.next();
    } while (after.isPresent());
  }

  private static void deleteQuietly(Mount mount, String key) {
    try {
      mount.provider().delete(key);
    } catch (RuntimeException e) {
      LOG.warn("removing upload chunk {} failed (the session's expiry tries again): {}", key, e.toString());
    }
  }

  // The chunks' objects, each opened when the one before is read to its end.
  private static java.util.Enumeration<InputStream> opening(Mount mount, Iterator<Chunk> chunks) {
    return new java.util.Enumeration<>() {
      @Override
      public boolean hasMoreElements() {
        return chunks.hasNext();
      }

      @Override
      public InputStream nextElement() {
        return mount.provider().read(chunks.next().key(), Optional.empty()).stream();
      }
    };
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm.equals("sha1") ? "SHA-1" : "SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // Someone else's session, an expired one, or none: not found alike.
  private Session owned(Optional<Session> found, Subject subject, UploadId id) {
    Instant now = ctx.clock().instant();
    return found.filter(s -> s.org().equals(subject.org()) && s.owner().equals(subject.user()))
        .filter(s -> s.completed() || s.expiresAt().isAfter(now))
        .orElseThrow(() -> StockageException.notFound("no upload " + id));
  }

  private static UploadSession view(Session s) {
    return new UploadSession(s.id(), s.target(), s.offset(), s.expiresAt(), s.completed(), s.item());
  }

  private void release(UploadId id, String token) {
    ctx.catalog().inTransaction(session -> {
      session.uploads().release(id, token);
      return null;
    });
  }

  // Keeps the append's lease while its bytes flow; a lease already lost stays lost (recording then fails).
  private void renew(UploadId id, String token) {
    Instant now = ctx.clock().instant();
    ctx.catalog().inTransaction(session -> session.uploads().renew(id, token, now.plus(LEASE)));
  }

  /** The chunk's bytes, refused past the room the session has left; the lease renewed as they come. */
  private static final class Counted extends java.io.FilterInputStream {
    private final long room;
    private final boolean byLength;
    private final Runnable renew;
    private long read;
    private long renewed = System.nanoTime();
    StockageException overflow;

    Counted(InputStream in, long room, boolean byLength, Runnable renew) {
      super(in);
      this.room = room;
      this.byLength = byLength;
      this.renew = renew;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(long n) throws IOException {
      read += n;
      long now = System.nanoTime();
      if (now - renewed > RENEW.toNanos()) {
        renewed = now;
        renew.run();
      }
      if (read > room) {
        overflow = StockageException.policy(PolicyReason.TOO_LARGE, byLength
            ? "the chunk goes past the upload's declared length" : "the upload goes past the size limit");
        throw new IOException(overflow.getMessage());
      }
    }
  }
}
