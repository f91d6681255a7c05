package io.stockage.provider.smb.internal;

import com.hierynomus.mssmb2.SMB2CompletionFilter;
import com.hierynomus.smbj.share.Directory;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SMB2 CHANGE_NOTIFY on the provider's root, the whole tree below it, on a session of its own: a
 * thread keeps one request outstanding and calls back when the server answers it. When the
 * connection breaks it connects again after a pause; what changed meanwhile is left to the caller's
 * rescan.
 */
public final class SmbWatch implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SmbWatch.class);
  private static final Set<SMB2CompletionFilter> WHAT = EnumSet.of(SMB2CompletionFilter.FILE_NOTIFY_CHANGE_FILE_NAME,
      SMB2CompletionFilter.FILE_NOTIFY_CHANGE_DIR_NAME, SMB2CompletionFilter.FILE_NOTIFY_CHANGE_SIZE,
      SMB2CompletionFilter.FILE_NOTIFY_CHANGE_LAST_WRITE);
  private static final long PAUSE_MILLIS = 1000;

  private final SmbSession session;
  private final SmbPaths paths;
  private final Runnable changed;
  private final Thread thread;
  private volatile boolean closed;

  /** Starts watching the root of the paths on the session (which this watch closes). */
  public SmbWatch(SmbSession session, SmbPaths paths, Runnable changed) {
    this.session = session;
    this.paths = paths;
    this.changed = changed;
    this.thread = new Thread(this::run, "stockage-smb-watch");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    while (!closed) {
      try {
        session.call("watch", paths.root(), share -> {
          try (Directory root = SmbHandles.openFolder(share, paths.root())) {
            changed.run(); // (re)connected: anything may have happened meanwhile
            while (!closed) {
              root.watchAsync(WHAT, true).get();
              changed.run();
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
          } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
          }
          return null;
        });
      } catch (RuntimeException e) {
        if (!closed) {
          LOG.warn("watching {} for changes failed (watching again in {} ms): {}", paths.root(), PAUSE_MILLIS,
              e.toString());
          pause();
        }
      }
    }
  }

  private void pause() {
    try {
      Thread.sleep(PAUSE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }

  /** Stops watching: the outstanding request ends with the session. */
  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    session.close();
  }
}
