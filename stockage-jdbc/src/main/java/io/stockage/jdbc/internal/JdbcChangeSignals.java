package io.stockage.jdbc.internal;

import io.stockage.spi.catalog.ChangeSignals;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code LISTEN} on a connection of its own ({@code application_name} {@value #APPLICATION}). A
 * lost connection is opened again at the next wait, which then reports a wake-up: notifications
 * sent meanwhile are lost, so the reader reads.
 */
public final class JdbcChangeSignals implements ChangeSignals {
  /** How the listening connection shows in {@code pg_stat_activity}. */
  public static final String APPLICATION = "stockage-listen";
  private static final Logger LOG = LoggerFactory.getLogger(JdbcChangeSignals.class);
  private static final int SLICE_MILLIS = 1000;

  private final Callable<Connection> opener;
  private Connection connection;
  private volatile boolean closed;

  /** Signals on connections the opener gives. */
  public JdbcChangeSignals(Callable<Connection> opener) {
    this.opener = opener;
  }

  @Override
  public boolean await(Duration timeout) throws InterruptedException {
    if (closed) {
      return false;
    }
    if (connection == null) {
      try {
        connection = open();
        return true;
      } catch (Exception e) {
        LOG.warn("cannot listen for changes (trying again): {}", e.toString());
        Thread.sleep(Math.max(1, timeout.toMillis()));
        return false;
      }
    }
    try {
      // In slices of a second at most, so that an interrupt (the engine closing) is seen soon.
      PGConnection pg = connection.unwrap(PGConnection.class);
      long deadline = System.nanoTime() + timeout.toNanos();
      long left;
      while ((left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())) > 0) {
        if (Thread.interrupted()) {
          throw new InterruptedException();
        }
        PGNotification[] notes = pg.getNotifications((int) Math.min(SLICE_MILLIS, left));
        if (notes != null && notes.length > 0) {
          return true;
        }
      }
      return false;
    } catch (SQLException e) {
      if (!closed) {
        LOG.warn("the connection listening for changes broke (opening another): {}", e.toString());
      }
      drop();
      return false;
    }
  }

  private Connection open() throws Exception {
    Connection c = opener.call();
    try (Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      s.execute("SET application_name = '" + APPLICATION + "'");
      s.execute("LISTEN " + JdbcChangeJournal.CHANNEL);
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return c;
  }

  private void drop() {
    Connection c = connection;
    connection = null;
    if (c != null) {
      // A statement through the connection itself, so that a pool it came from sees it broken
      // and discards it instead of lending it out again (the wait bypassed the pool's wrapper).
      try (Statement s = c.createStatement()) {
        s.execute("SELECT 1");
      } catch (SQLException expected) {
        // broken, as expected
      }
      try {
        c.close();
      } catch (SQLException e) {
        // it is broken already
      }
    }
  }

  /** Stops listening; call it from the thread that waits. */
  @Override
  public void close() {
    closed = true;
    Connection c = connection;
    if (c != null) {
      // A connection of the host's pool goes back to it as it came.
      try (Statement s = c.createStatement()) {
        s.execute("UNLISTEN *");
        s.execute("RESET application_name");
      } catch (SQLException e) {
        // broken: the pool drops it
      }
    }
    drop();
  }
}
