package io.stockage.core;

import io.stockage.Mount;
import io.stockage.core.fs.FileSystemProvider;
import io.stockage.jdbc.JdbcCatalog;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A node that only indexes, for {@link IndexerCrashIT}: an engine on the given catalog and storage
 * whose worker polls often and leases jobs for two seconds. It runs until it is killed.
 */
public final class IndexerNode {
  private IndexerNode() {}

  /** Arguments: jdbc-url user password storage-root. */
  public static void main(String[] args) throws InterruptedException {
    StockageEngine engine = StockageEngine.builder()
        .catalog(JdbcCatalog.connect(args[0], args[1], args[2]))
        .mount(Mount.managed("main", FileSystemProvider.create(Path.of(args[3]))))
        .indexing(true, Duration.ofMillis(20), Duration.ofSeconds(2))
        .build();
    System.out.println("indexing " + engine.mounts().list(io.stockage.Subject.of("acme", "probe")).size());
    Thread.sleep(Long.MAX_VALUE);
  }
}
