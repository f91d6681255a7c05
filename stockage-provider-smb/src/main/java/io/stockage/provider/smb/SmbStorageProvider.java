package io.stockage.provider.smb;

import io.stockage.ByteRange;
import io.stockage.Capabilities;
import io.stockage.Capability;
import io.stockage.Limits;
import io.stockage.StockageException;
import io.stockage.provider.smb.internal.SmbLister;
import io.stockage.provider.smb.internal.SmbPaths;
import io.stockage.provider.smb.internal.SmbProbe;
import io.stockage.provider.smb.internal.SmbReader;
import io.stockage.provider.smb.internal.SmbSession;
import io.stockage.provider.smb.internal.SmbWatch;
import io.stockage.provider.smb.internal.SmbTree;
import io.stockage.provider.smb.internal.SmbWriter;
import io.stockage.spi.storage.DirectoryEntry;
import io.stockage.spi.storage.ObjectContent;
import io.stockage.spi.storage.ObjectInfo;
import io.stockage.spi.storage.ObjectPage;
import io.stockage.spi.storage.StorageProvider;
import io.stockage.spi.storage.WriteOptions;
import java.io.InputStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Stores objects as files of an SMB 2/3 share (Windows, Samba, NAS), under a folder of the share,
 * with smbj: the provider of live mounts, where the share is the source of truth and other
 * clients change it too.
 *
 * <pre>{@code
 * StorageProvider smb = SmbStorageProvider.builder()
 *     .host("files.example.org").share("documents").path("stockage/live")
 *     .domain("EXAMPLE").username("stockage").password(password)
 *     .encryption(true)
 *     .build();
 * }</pre>
 *
 * <ul>
 *   <li>keys are paths under the folder ({@code a/b.pdf} is {@code a\b.pdf}); names Windows
 *       cannot hold are refused with {@code POLICY_VIOLATION} ({@code INVALID_NAME});</li>
 *   <li>writes go to a temporary file beside the target, renamed over it when complete: readers
 *       see the old or the new file whole ({@code WRITE_ATOMIC}, {@code RENAME_ATOMIC}); a
 *       failed write leaves nothing under the key;</li>
 *   <li>copies are server-side ({@code FSCTL_SRV_COPYCHUNK}); listing walks the folders, a page at
 *       a time; deletes remove the folders they leave empty;</li>
 *   <li>a key and a key under it ({@code a} and {@code a/b}) cannot both be objects: the second
 *       write fails with {@code CONFLICT}, as on the local file system;</li>
 *   <li>two connections are kept, one for reads and one for changes (Samba will not rename over
 *       a file the renaming connection holds open); each is opened again, transparently, on the
 *       first call after the server comes back;</li>
 *   <li>{@code CASE_INSENSITIVE_NAMES} is declared when the build finds the share so (Samba's
 *       default).</li>
 * </ul>
 */
public final class SmbStorageProvider implements StorageProvider {
  private final SmbConfig config;
  private final SmbSession reads;
  private final SmbSession writes;
  private final Capabilities capabilities;
  private final SmbReader reader;
  private final SmbWriter writer;
  private final SmbLister lister;
  private final SmbTree tree;
  private final SmbPaths paths;

  private SmbStorageProvider(SmbConfig config, SmbSession reads, SmbSession writes, SmbPaths paths,
      boolean caseInsensitive) {
    this.config = config;
    this.paths = paths;
    this.reads = reads;
    this.writes = writes;
    this.tree = new SmbTree(writes, paths, config.pruneEmptyFolders());
    this.reader = new SmbReader(reads, paths);
    this.writer = new SmbWriter(writes, paths, tree);
    this.lister = new SmbLister(reads, paths);
    this.capabilities = new Capabilities(capabilitySet(caseInsensitive),
        Limits.of(Long.MAX_VALUE, SmbPaths.MAX_KEY_LENGTH));
  }

  /** A builder; host, share, username and password are required. */
  public static SmbStorageProviderBuilder builder() {
    return new SmbStorageProviderBuilder();
  }

  static SmbStorageProvider open(SmbConfig config) {
    SmbSession writes = new SmbSession(config);
    SmbSession reads = new SmbSession(config);
    try {
      writes.connect();
      reads.connect();
      SmbPaths paths = new SmbPaths(config.path());
      SmbProbe.createRoot(writes, paths);
      return new SmbStorageProvider(config, reads, writes, paths, SmbProbe.caseInsensitive(writes, paths));
    } catch (RuntimeException e) {
      writes.close();
      reads.close();
      throw e;
    }
  }

  private static Set<Capability> capabilitySet(boolean caseInsensitive) {
    Set<Capability> set = EnumSet.of(Capability.READ_RANGE, Capability.WRITE_ATOMIC, Capability.WRITE_AT_OFFSET,
        Capability.RENAME_ATOMIC,
        Capability.COPY_SERVER_SIDE, Capability.LIST_PAGED, Capability.DIRECTORIES, Capability.EXTERNAL_CHANGES,
        Capability.WINDOWS_NAMES);
    if (caseInsensitive) {
      set.add(Capability.CASE_INSENSITIVE_NAMES);
    }
    return set;
  }

  /** The configuration it was built with (its {@code toString} never shows the password). */
  public SmbConfig config() {
    return config;
  }

  @Override
  public String scheme() {
    return "smb";
  }

  @Override
  public Capabilities capabilities() {
    return capabilities;
  }

  @Override
  public ObjectInfo stat(String key) {
    return reader.stat(key);
  }

  @Override
  public ObjectContent read(String key, Optional<ByteRange> range) {
    return reader.read(key, range);
  }

  /** Writes through a temporary file renamed over the key; conditional writes are {@code UNSUPPORTED}. */
  @Override
  public ObjectInfo write(String key, InputStream data, WriteOptions options) {
    if (options.ifAbsent() || options.ifMatch().isPresent()) {
      capabilities.require(Capability.WRITE_CONDITIONAL, "a conditional write");
    }
    return writer.write(key, data, options);
  }

  /** Writes in place at an offset, flushed before it returns (a resumable upload's staging file). */
  @Override
  public long writeAt(String key, long offset, InputStream data) {
    return writer.writeAt(key, offset, data);
  }

  /** Deletes the file and the folders it leaves empty; a missing key is fine. */
  @Override
  public void delete(String key) {
    writer.delete(key);
  }

  @Override
  public ObjectPage list(String prefix, Optional<String> after, int limit) {
    return lister.list(prefix, after, limit);
  }

  /** Copies server-side, through a temporary file renamed over the target. */
  @Override
  public ObjectInfo copy(String source, String target) {
    return writer.copy(source, target);
  }

  /** Renames, replacing the target atomically; the target's folders are created. */
  @Override
  public ObjectInfo move(String source, String target) {
    return writer.move(source, target);
  }

  /**
   * SMB2 CHANGE_NOTIFY on the root, recursive, on a connection of its own (the watch holds a
   * request outstanding); it connects again after a lost connection.
   */
  @Override
  public Optional<AutoCloseable> watch(Runnable changed) {
    return Optional.of(new SmbWatch(new SmbSession(config), paths, changed));
  }

  /** The folder's files and folders, by name; temporary files of writes in flight are left out. */
  @Override
  public List<DirectoryEntry> listDirectory(String path) {
    return lister.listDirectory(path);
  }

  /**
   * Creates the folder and its missing parents; an existing one is fine.
   *
   * @throws StockageException {@code ALREADY_EXISTS} when a file has the folder's name or a parent's
   */
  @Override
  public void createDirectory(String path) {
    tree.createDirectory(path);
  }

  /**
   * Deletes the folder with everything in it; a missing one is fine, and so is a file of that
   * name, which is no folder and stays. The root cannot be deleted ({@code INVALID_ARGUMENT}).
   */
  @Override
  public void deleteDirectory(String path) {
    tree.deleteDirectory(path);
  }

  @Override
  public void close() {
    try {
      reads.close();
    } finally {
      writes.close();
    }
  }

  /** Names the share, folder and user; never the password. */
  @Override
  public String toString() {
    return "SmbStorageProvider[" + config.location() + ", user="
        + (config.domain().isEmpty() ? "" : config.domain() + "\\") + config.username()
        + (config.encryption() ? ", encrypted" : "") + "]";
  }
}
