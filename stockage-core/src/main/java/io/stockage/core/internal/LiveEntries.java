package io.stockage.core.internal;

import io.stockage.Entry;
import io.stockage.spi.storage.DirectoryEntry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** Entries of live mounts from what the backend lists, with their version strings. */
final class LiveEntries {
  private LiveEntries() {}

  static Entry of(String mount, String parent, DirectoryEntry e) {
    String path = parent.isEmpty() ? e.name() : parent + "/" + e.name();
    return new Entry(mount, path, e.name(), e.directory(), e.size(), e.lastModified(),
        version(e.lastModified(), e.size()));
  }

  static Entry root(String mount) {
    return new Entry(mount, "", "", true, 0, Instant.EPOCH, version(Instant.EPOCH, 0));
  }

  /** A hash of the modification time and size: it changes whenever the content does. */
  static String version(Instant modified, long size) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest((modified.getEpochSecond() + "." + modified.getNano() + ":" + size).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
