package io.stockage.provider.s3;

import io.stockage.spi.storage.ObjectContent;
import io.stockage.spi.storage.ObjectInfo;
import io.stockage.spi.storage.WriteOptions;
import io.stockage.testkit.Samples;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Writes a generated stream of unknown length (multipart) and one of known length (one streamed
 * PUT, the threshold raised above it) to S3, reads both back, and prints their sizes, SHA-256 and
 * the peak heap; run by {@link S3StreamingMemoryIT} in a JVM whose heap is smaller than either.
 * The service comes from {@code S3_ENDPOINT}, {@code S3_REGION}, {@code S3_BUCKET},
 * {@code S3_PREFIX}, {@code S3_ACCESS_KEY}, {@code S3_SECRET_KEY}.
 */
public final class S3StreamingMemoryMain {
  private S3StreamingMemoryMain() {}

  /** Arguments: multipart-size streamed-size seed. */
  public static void main(String[] args) throws Exception {
    long multipart = Long.parseLong(args[0]);
    long streamed = Long.parseLong(args[1]);
    long seed = Long.parseLong(args[2]);
    S3StorageProviderBuilder builder = S3StorageProvider.builder().endpoint(URI.create(System.getenv("S3_ENDPOINT")))
        .pathStyle(true).region(System.getenv("S3_REGION")).bucket(System.getenv("S3_BUCKET"))
        .prefix(System.getenv("S3_PREFIX")).multipartThreshold(streamed);
    if (!System.getenv("S3_ACCESS_KEY").isEmpty()) {
      builder.credentials(System.getenv("S3_ACCESS_KEY"), System.getenv("S3_SECRET_KEY"));
    }
    try (S3StorageProvider provider = builder.build()) {
      ObjectInfo a = provider.write("memory/multipart", Samples.largePdf(multipart, seed), WriteOptions.defaults());
      ObjectInfo b = provider.write("memory/streamed", Samples.largePdf(streamed, seed + 1),
          WriteOptions.defaults().withLength(streamed));
      System.out.println("multipart size=" + a.size() + " sha256=" + sha256(provider, "memory/multipart"));
      System.out.println("streamed size=" + b.size() + " sha256=" + sha256(provider, "memory/streamed"));
      provider.delete("memory/multipart");
      provider.delete("memory/streamed");
    }
    long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    System.out.println("peakHeap=" + peak + " maxHeap=" + Runtime.getRuntime().maxMemory());
  }

  static String sha256(InputStream in) throws IOException, NoSuchAlgorithmException {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    byte[] buf = new byte[1 << 16];
    for (int n; (n = in.read(buf)) > 0; ) {
      digest.update(buf, 0, n);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static String sha256(S3StorageProvider provider, String key) throws Exception {
    try (ObjectContent content = provider.read(key, Optional.empty())) {
      return sha256(content.stream());
    }
  }
}
