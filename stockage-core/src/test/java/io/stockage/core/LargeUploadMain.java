package io.stockage.core;

import io.stockage.Item;
import io.stockage.Mount;
import io.stockage.NewProject;
import io.stockage.OrgPermission;
import io.stockage.Subject;
import io.stockage.Upload;
import io.stockage.UploadPolicy;
import io.stockage.core.fs.FileSystemProvider;
import io.stockage.jdbc.JdbcCatalog;
import io.stockage.testkit.Samples;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Path;

/**
 * Uploads a generated stream of the given size through a real engine and prints the item and the
 * peak heap; run in a child JVM with a small {@code -Xmx} by {@link LargeUploadIT}.
 */
public final class LargeUploadMain {
  private LargeUploadMain() {}

  /** Arguments: jdbc-url user password storage-root size seed. */
  public static void main(String[] args) {
    long size = Long.parseLong(args[4]);
    Subject alice = Subject.of("acme", "alice", OrgPermission.CREATE_PROJECT);
    try (StockageEngine engine = StockageEngine.builder()
        .catalog(JdbcCatalog.connect(args[0], args[1], args[2]))
        .mount(Mount.managed("main", FileSystemProvider.create(Path.of(args[3]))))
        .uploadPolicy(UploadPolicy.defaults().withMaxSize(2L * 1024 * 1024 * 1024))
        .build()) {
      engine.projects().create(alice, NewProject.of("large", "Large"));
      Item item = engine.files().upload(alice, Upload.of("large", "huge.pdf", Samples.largePdf(size, Long.parseLong(args[5]))));
      long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getType() == MemoryType.HEAP)
          .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
      System.out.println("size=" + item.size() + " sha256=" + item.sha256() + " peakHeap=" + peak
          + " maxHeap=" + Runtime.getRuntime().maxMemory());
    }
  }
}
