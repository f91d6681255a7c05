package io.stockage.provider.s3;

import io.stockage.Item;
import io.stockage.Mount;
import io.stockage.NewProject;
import io.stockage.OrgPermission;
import io.stockage.Subject;
import io.stockage.Upload;
import io.stockage.UploadPolicy;
import io.stockage.core.StockageEngine;
import io.stockage.jdbc.JdbcCatalog;
import io.stockage.testkit.Samples;
import io.stockage.testkit.s3.S3Bucket;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.net.URI;

/** Uploads a generated stream through Stockage to S3 and prints the item and the heap; run by {@link S3PipelineIT}. */
public final class S3LargeUploadMain {
  private S3LargeUploadMain() {}

  /** Arguments: jdbc-url user password endpoint region access-key secret-key bucket prefix size. */
  public static void main(String[] args) {
    S3Bucket bucket = new S3Bucket(URI.create(args[3]), args[4], args[5], args[6], args[7], args[8]);
    long size = Long.parseLong(args[9]);
    Subject alice = Subject.of("acme", "alice", OrgPermission.CREATE_PROJECT);
    try (StockageEngine engine = StockageEngine.builder()
        .catalog(JdbcCatalog.connect(args[0], args[1], args[2]))
        .mount(Mount.managed("s3", S3TestBase.provider(bucket, b -> { })))
        .uploadPolicy(UploadPolicy.defaults().withMaxSize(1L << 30))
        .build()) {
      engine.projects().create(alice, NewProject.of("large-s3", "Large on S3"));
      Item item = engine.files().upload(alice, Upload.of("large-s3", "huge.pdf", Samples.largePdf(size, 5)));
      long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
          .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
      System.out.println("size=" + item.size() + " sha256=" + item.sha256() + " peakHeap=" + peak
          + " maxHeap=" + Runtime.getRuntime().maxMemory());
    }
  }
}
