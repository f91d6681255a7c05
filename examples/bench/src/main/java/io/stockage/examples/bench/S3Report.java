package io.stockage.examples.bench;

import io.stockage.testkit.s3.S3Bucket;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import software.amazon.awssdk.services.s3.S3Client;

/** What the S3 benchmark prints: the setting, then the tables and how to read them. */
final class S3Report {
  private static final String SERVERS = "/io/stockage/testkit/s3/servers.properties";

  private S3Report() {}

  /** The JVM, the server, and how both clients split their writes. */
  static void environment(S3Bucket bucket, RawSdkTarget.Sizes sizes, double startSeconds) {
    System.out.println("Stockage S3 benchmark: S3StorageProvider against the AWS SDK v2 S3Client called directly");
    System.out.printf("  JVM:       %s %s, arguments %s%n", System.getProperty("java.vm.name"),
        Runtime.version(), ManagementFactory.getRuntimeMXBean().getInputArguments());
    System.out.printf(Locale.ROOT, "  machine:   %d CPUs, load average %.2f at start%n",
        Runtime.getRuntime().availableProcessors(), loadAverage());
    System.out.printf(Locale.ROOT, "  server:    S3Mock %s (stockage-testkit S3MockFixture, a child JVM: -Xmx512m,"
        + " C1 JIT only, max-payload-size=1GB) at %s, bucket %s; started in %.1f s%n",
        s3MockVersion(), bucket.endpoint(), bucket.name(), startSeconds);
    System.out.printf(Locale.ROOT, "  writes:    one PUT up to %d MiB, above it multipart uploads of %d MiB parts,"
        + " in both clients%n", sizes.multipartThreshold() / SizePlan.MB, sizes.partSize() / SizePlan.MB);
  }

  /** The three tables, the notes, and what was left in the bucket. */
  static void results(List<S3Result> results, String leftovers, double totalSeconds) {
    System.out.println();
    System.out.print(S3ResultTable.rates(results));
    System.out.println();
    System.out.print(S3ResultTable.times(results));
    System.out.println();
    System.out.print(S3ResultTable.calls(results));
    System.out.println();
    System.out.println("""
        provider: S3StorageProvider.write(key, FileInputStream, WriteOptions.defaults().withLength(n)): up to
          the threshold one PutObject streamed from the caller's stream (its first 1 MiB also kept for a retry);
          above it each 8 MiB part is read into the provider's one reused byte[] and sent from there.
          read(key, Optional.empty()): one GetObject, the stream drained with transferTo into a discarding sink.
        raw SDK: S3Client (Apache 5 HTTP client, as the provider's) putObject(RequestBody.fromInputStream(
          FileInputStream, n)); above the threshold createMultipartUpload, uploadPart with
          RequestBody.fromInputStream on consecutive 8 MiB slices of the same FileInputStream (no buffer of our
          own), completeMultipartUpload; getObject drained the same way.
        Each run PUTs, GETs and deletes (not timed) through one client, then through the other: the provider
          first on even runs, the raw SDK first on odd ones, as often each way; every leg starts on an empty
          bucket. The first warm-up run checks every object read back against the source's CRC32C. For
          4 KB x500 a run is 500 sequential PUTs (or GETs) of a 4 KB file, each its own FileInputStream.
          Sources were just written: reads come from the page cache. S3Mock runs on the same machine and
          stores every object on the same disk. runs = warm-up + measured; rates are from the median
          measured run; 1 MB = 1,048,576 bytes.
        client CPU: CPU time of the calling thread, where the synchronous SDK client reads the body, checksums,
          signs and writes to the socket (the provider's buffering included). S3Mock CPU: CPU time of the
          server process, in 10 ms ticks. GCs: collections in the benchmark's JVM (G1, -Xmx256m) over all the
          measured runs of the leg, and the milliseconds they took. Wall time is roughly CPU plus GC pauses
          plus waiting (disk, the other process, the scheduler): with S3Mock on the same cores, read a
          wall-time ratio against the min-max spread above.""");
    System.out.printf(Locale.ROOT, "Left in the bucket after the runs: %s. Load average at the end %.2f;"
        + " S3 benchmark took %.1f s in all.%n", leftovers, loadAverage(), totalSeconds);
  }

  /** What the runs left behind: objects and open multipart uploads; both should be none. */
  static String leftovers(S3Client raw, String bucket) {
    int objects = raw.listObjectsV2(b -> b.bucket(bucket)).keyCount();
    int uploads = raw.listMultipartUploads(b -> b.bucket(bucket)).uploads().size();
    return objects + " objects, " + uploads + " open multipart uploads";
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static String s3MockVersion() {
    try (InputStream in = S3Report.class.getResourceAsStream(SERVERS)) {
      if (in == null) {
        return "(version unknown)";
      }
      Properties servers = new Properties();
      servers.load(in);
      return servers.getProperty("s3mock.version", "(version unknown)");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
