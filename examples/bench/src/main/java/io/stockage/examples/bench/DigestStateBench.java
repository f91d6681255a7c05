package io.stockage.examples.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Random;
import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * Why a resumable upload keeps its SHA-256 in memory and reads the staging object again only when
 * that is lost, rather than storing the digest's state with every chunk: the JDK's SHA-256 (which
 * uses the CPU's SHA extensions) beside BouncyCastle's {@code SHA256Digest} exporting its state
 * after every 8 MiB chunk (what a catalog would keep), and the price of the fallback, reading a
 * staged file back and hashing it with the JDK. Prints MB/s, median of the runs.
 */
public final class DigestStateBench {
  private static final int MIB = 1 << 20;
  private static final int SIZE_MIB = Integer.getInteger("stockage.bench.digest.mib", 1024);
  private static final int RUNS = Integer.getInteger("stockage.bench.digest.runs", 5);
  private static final int CHUNK_MIB = 8;

  private DigestStateBench() {}

  /**
   * Runs the benchmark.
   *
   * @param args the directory to write the staged file in
   * @throws Exception when the set-up fails
   */
  public static void main(String[] args) throws Exception {
    Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir")));
    byte[] buffer = new byte[256 * 1024];
    new Random(7).nextBytes(buffer);
    Path staged = Files.createTempFile(dir, "digest-bench-", ".bin");
    try {
      try (OutputStream out = Files.newOutputStream(staged)) {
        for (long written = 0; written < (long) SIZE_MIB * MIB; written += buffer.length) {
          out.write(buffer);
        }
      }
      double[] jdk = new double[RUNS];
      double[] bc = new double[RUNS];
      double[] reread = new double[RUNS];
      for (int r = 0; r < RUNS; r++) {
        jdk[r] = jdk(buffer);
        bc[r] = bouncyCastleWithState(buffer);
        reread[r] = reread(staged, buffer.length);
      }
      System.out.println("SHA-256 of a resumable upload: state kept where?");
      System.out.printf(Locale.ROOT, "  %,d MiB, buffers of %d KiB, median of %d runs (the first warms up)%n%n",
          SIZE_MIB, buffer.length >> 10, RUNS);
      System.out.println("| leg | MB/s | vs JDK |");
      System.out.println("|---|---|---|");
      double base = median(jdk);
      row("JDK SHA-256 while the bytes stream (kept in memory)", base, base);
      row("BouncyCastle SHA256Digest, state exported every " + CHUNK_MIB + " MiB", median(bc), base);
      row("re-read of the staged file + JDK SHA-256 (the fallback)", median(reread), base);
      System.out.println();
      System.out.println("  The first two legs hash bytes already in memory: the CPU cost per byte while an upload");
      System.out.println("  streams. The third reads the file back (page cache warm: a cold disk is slower) and hashes it:");
      System.out.println("  the one-off cost of completing an upload whose scan this node lost (restart, another node).");
    } finally {
      Files.deleteIfExists(staged);
    }
  }

  private static void row(String leg, double mbs, double base) {
    System.out.printf(Locale.ROOT, "| %s | %.0f | %.2f× |%n", leg, mbs, mbs / base);
  }

  private static double jdk(byte[] buffer) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    long start = System.nanoTime();
    long total = (long) SIZE_MIB * MIB;
    for (long done = 0; done < total; done += buffer.length) {
      digest.update(buffer);
    }
    digest.digest();
    return rate(total, start);
  }

  private static double bouncyCastleWithState(byte[] buffer) {
    SHA256Digest digest = new SHA256Digest();
    long start = System.nanoTime();
    long total = (long) SIZE_MIB * MIB;
    long kept = 0;
    for (long done = 0; done < total; done += buffer.length) {
      digest.update(buffer, 0, buffer.length);
      if ((done + buffer.length) % ((long) CHUNK_MIB * MIB) == 0) {
        kept += digest.getEncodedState().length;
        digest = new SHA256Digest(digest.getEncodedState());
      }
    }
    digest.doFinal(new byte[32], 0);
    if (kept == 0) {
      throw new IllegalStateException("no state was exported");
    }
    return rate(total, start);
  }

  private static double reread(Path staged, int bufferSize) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    byte[] buffer = new byte[bufferSize];
    long start = System.nanoTime();
    long total = 0;
    try (InputStream in = Files.newInputStream(staged)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
        total += n;
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    digest.digest();
    return rate(total, start);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static double rate(long bytes, long startNanos) {
    return bytes / 1e6 / ((System.nanoTime() - startNanos) / 1e9);
  }
}
