package io.stockage.examples.server;

import io.stockage.Entry;
import io.stockage.EntryUpload;
import io.stockage.Item;
import io.stockage.ItemId;
import io.stockage.LockTarget;
import io.stockage.MountRole;
import io.stockage.NewContent;
import io.stockage.Permission;
import io.stockage.Stockage;
import io.stockage.Subject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * A file as the WOPI host sees it: a managed file (its id is the item's UUID) or a live mount's file
 * (its id is {@code live.} and the base64url of the mount and the path), with what CheckFileInfo,
 * GetFile, PutFile and RenameFile need of it.
 */
sealed interface WopiFile permits WopiFile.Managed, WopiFile.Live {
  String LIVE = "live.";

  /** The file a WOPI file id names; empty for an id that names none. */
  static Optional<WopiFile> parse(String id) {
    if (id.startsWith(LIVE)) {
      try {
        String decoded = new String(Base64.getUrlDecoder().decode(id.substring(LIVE.length())), StandardCharsets.UTF_8);
        int cut = decoded.indexOf('\n');
        return cut <= 0 ? Optional.empty() : Optional.of(new Live(decoded.substring(0, cut), decoded.substring(cut + 1)));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
    try {
      return Optional.of(new Managed(ItemId.parse(id)));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The WOPI id of a live mount's file. */
  static String liveId(String mount, String path) {
    return LIVE + Base64.getUrlEncoder().withoutPadding().encodeToString((mount + "\n" + path)
        .getBytes(StandardCharsets.UTF_8));
  }

  /** What CheckFileInfo tells of a file. */
  record Info(String name, long size, String version, String owner, Instant lastModified, boolean writable) {}

  /** Its id in WOPI URLs. */
  String id();

  /** What its locks are kept under. */
  LockTarget lockTarget();

  /** Its metadata, as {@code subject} may see it. */
  Info info(Stockage stockage, Subject subject);

  /** Its content. */
  InputStream open(Stockage stockage, Subject subject);

  /** Writes new content; returns the new version. */
  String write(Stockage stockage, Subject subject, InputStream content, long length);

  /** Renames it, keeping its extension. */
  void rename(Stockage stockage, Subject subject, String name);

  /** A managed file. */
  record Managed(ItemId item) implements WopiFile {
    @Override
    public String id() {
      return item.toString();
    }

    @Override
    public LockTarget lockTarget() {
      return LockTarget.item(item);
    }

    @Override
    public Info info(Stockage stockage, Subject subject) {
      Item file = stockage.files().stat(subject, item);
      boolean writable = stockage.access().permissions(subject, item).contains(Permission.CHANGE);
      return new Info(file.name(), file.size(), file.version(), file.owner().value(), file.updatedAt(), writable);
    }

    @Override
    public InputStream open(Stockage stockage, Subject subject) {
      return stockage.files().open(subject, item).stream();
    }

    @Override
    public String write(Stockage stockage, Subject subject, InputStream content, long length) {
      NewContent body = NewContent.of(content);
      return stockage.files().write(subject, item, length >= 0 ? body.withDeclaredSize(length) : body).version();
    }

    @Override
    public void rename(Stockage stockage, Subject subject, String name) {
      stockage.files().rename(subject, item, name);
    }
  }

  /** A live mount's file. */
  record Live(String mount, String path) implements WopiFile {
    @Override
    public String id() {
      return liveId(mount, path);
    }

    @Override
    public LockTarget lockTarget() {
      return LockTarget.entry(mount, path);
    }

    @Override
    public Info info(Stockage stockage, Subject subject) {
      Entry entry = stockage.live().entry(subject, mount, path);
      if (entry.directory()) {
        throw io.stockage.StockageException.notFound("no file " + mount + ":" + path);
      }
      boolean writable = stockage.live().role(subject, mount).atLeast(MountRole.EDITOR);
      return new Info(entry.name(), entry.size(), entry.version(), mount, entry.lastModified(), writable);
    }

    @Override
    public InputStream open(Stockage stockage, Subject subject) {
      return stockage.live().open(subject, mount, path).stream();
    }

    @Override
    public String write(Stockage stockage, Subject subject, InputStream content, long length) {
      EntryUpload upload = EntryUpload.of(mount, path, content);
      return stockage.live().put(subject, length >= 0 ? upload.withDeclaredSize(length) : upload).version();
    }

    @Override
    public void rename(Stockage stockage, Subject subject, String name) {
      int slash = path.lastIndexOf('/');
      stockage.live().move(subject, mount, path, (slash < 0 ? "" : path.substring(0, slash + 1)) + name);
    }
  }
}
