package io.stockage.jdbc.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.concurrent.atomic.AtomicInteger;

/** The connection pools a catalog creates for itself. */
public final class Pools {
  private static final int MAX_POOL_SIZE = 10;
  private static final AtomicInteger COUNT = new AtomicInteger();

  private Pools() {}

  /**
   * Opens a pool and its first connection (Hikari fails fast by default).
   *
   * @throws io.stockage.StockageException {@code UNAVAILABLE} when the database cannot be reached
   */
  public static HikariDataSource open(String jdbcUrl, String user, String password) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("stockage-" + COUNT.incrementAndGet());
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(MAX_POOL_SIZE);
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw JdbcErrors.map(e);
    }
  }

  /** The URL without its parameters, which may carry a password: fit for logs. */
  public static String redact(String jdbcUrl) {
    int query = jdbcUrl.indexOf('?');
    return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
  }
}
