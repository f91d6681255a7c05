package io.stockage.examples.bench;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.vfs2.FileObject;
import org.apache.commons.vfs2.impl.StandardFileSystemManager;

/** Apache Commons VFS on its local file system: the content's output stream, then its input stream. */
final class CommonsVfsLeg implements PeerLeg {
  private final StandardFileSystemManager manager = new StandardFileSystemManager();
  private final FileObject root;

  CommonsVfsLeg(Path root) throws IOException {
    manager.init();
    this.root = manager.resolveFile(root.toUri());
  }

  @Override
  public String name() {
    return "Commons VFS";
  }

  @Override
  public long store(Path source, String key) throws IOException {
    return PeerLeg.timed(() -> {
      try (FileObject file = root.resolveFile(key); OutputStream out = file.getContent().getOutputStream()) {
        Files.copy(source, out);
      }
    });
  }

  @Override
  public long fetch(String key, Path target) throws IOException {
    return PeerLeg.timed(() -> {
      try (FileObject file = root.resolveFile(key); InputStream in = file.getContent().getInputStream();
          OutputStream out = new FileOutputStream(target.toFile())) {
        in.transferTo(out);
      }
    });
  }

  @Override
  public void remove(String key) throws IOException {
    try (FileObject file = root.resolveFile(key)) {
      file.delete();
    }
  }

  @Override
  public void close() {
    manager.close();
  }
}
