package io.stockage.examples.bench;

import io.stockage.testkit.smb.SambaFixture;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** What the SMB benchmark prints: the setting, then the tables and how to read them. */
final class SmbReport {
  private SmbReport() {}

  /** The JVM, the server and what the connection negotiated. */
  static void environment(SambaFixture samba, RawSmbjTarget raw, double startSeconds) throws IOException {
    System.out.println("Stockage SMB benchmark: SmbStorageProvider against smbj called directly");
    System.out.printf("  JVM:       %s %s, arguments %s%n", System.getProperty("java.vm.name"),
        Runtime.version(), ManagementFactory.getRuntimeMXBean().getInputArguments());
    System.out.printf(Locale.ROOT, "  machine:   %d CPUs, load average %.2f at start%n",
        Runtime.getRuntime().availableProcessors(), loadAverage());
    System.out.printf(Locale.ROOT, "  server:    %s (stockage-testkit SambaFixture: smbd a child process, its stock"
        + " settings, strict sync = %s) at %s:%d, share \"%s\" on the local disk; started in %.1f s%n",
        smbd("--version"), testparm(samba, "strict sync"), samba.host(), samba.port(), samba.share(), startSeconds);
    System.out.printf("  protocol:  smbj %s (its default BouncyCastle security provider), %s; both clients send"
        + " READs and WRITEs of %d MiB (smbj's default buffer size)%n", smbjVersion(), raw.protocol(),
        RawSmbjTarget.BUFFER / SizePlan.MB);
  }

  /** The tables, the notes, and what was left on the share. */
  static void results(List<SmbResult> results, int leftovers, double totalSeconds) {
    System.out.println();
    System.out.print(SmbResultTable.rates(results));
    System.out.println();
    System.out.print(SmbResultTable.times(results));
    System.out.println();
    System.out.print(SmbResultTable.flushed(results));
    System.out.println();
    System.out.println("""
        provider: SmbStorageProvider.write(key, FileInputStream, WriteOptions.defaults().withLength(n)): CREATE of
          a temporary file .stockage-tmp-<uuid> beside the key, 1 MiB read from the stream then one SMB WRITE,
          repeated, then FLUSH, rename over the key (SET_INFO FileRenameInformation, ReplaceIfExists), CLOSE,
          and a stat (CREATE, QUERY_INFO, CLOSE) for the ObjectInfo it returns; writes on one connection,
          reads on another. read(key, Optional.empty()): CREATE, QUERY_INFO (the size), then one 1 MiB READ
          at a time, each sent when the caller's buffer is empty, the stream drained with transferTo into a
          discarding sink.
        raw smbj: one SMBClient, Session and DiskShare; openFile(GENERIC_WRITE, FILE_OVERWRITE_IF) under the
          final name, the FileInputStream copied through a 1 MiB byte[] with File.write, CLOSE. It does NOT
          write through a temporary file (readers can see a partial file, a failed write leaves one), does
          NOT FLUSH (with strict sync = yes Samba turns the provider's FLUSH into an fsync: the raw write
          ends with its data in the server's page cache, not on disk), does not rename, stat, create
          folders or check the length. Read: openFile(GENERIC_READ, FILE_OPEN), getInputStream drained the
          same way: smbj sends the next 1 MiB READ as soon as a response arrives (one READ ahead), and
          asks for no size. Both clients use smbj's default settings otherwise (neither sets TCP_NODELAY).
        FLUSH: after raw smbj's read, its file is opened again (CREATE, FLUSH, CLOSE), timed apart from its
          legs: what making the raw write as durable as the provider's costs. raw write+FLUSH is the sum
          per run; provider/(raw+FLUSH) leaves temporary file, rename and stat as the provider's own cost.
        Each run writes, reads and deletes (not timed) through one client, then through the other: the
          provider first on even runs, raw smbj first on odd ones, as often each way. The first warm-up run
          checks the bytes read back against the source's CRC32C. Sources were just written: they are read
          from the page cache, and so is every file read back from the share. smbd runs on the same machine
          and stores the files on the same disk. runs = warm-up + measured; rates are from the median
          measured run; 1 MB = 1,048,576 bytes.
        JVM CPU: CPU time of the whole benchmark JVM (smbj signs, checks signatures and decodes responses,
          the last two on a thread of its own). smbd CPU: CPU time of smbd and the processes it forks per
          connection. Both in 10 ms ticks. GCs: collections in the benchmark's JVM (G1, -Xmx256m) over all
          the measured runs of the leg, and the milliseconds they took. Wall time is roughly CPU plus GC
          pauses plus waiting (disk, the other process, the scheduler, TCP): with smbd on the same cores,
          read a wall-time ratio against the min-max spread above.""");
    System.out.printf(Locale.ROOT, "Left on the share after the runs: %d files. Load average at the end %.2f;"
        + " SMB benchmark took %.1f s in all.%n", leftovers, loadAverage(), totalSeconds);
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static String smbjVersion() {
    String version = com.hierynomus.smbj.SMBClient.class.getPackage().getImplementationVersion();
    return version == null ? "(version unknown)" : version;
  }

  /** What the running smbd binary says, e.g. {@code Version 4.17.12-Debian}. */
  private static String smbd(String argument) {
    return ProcessHandle.current().descendants().map(p -> p.info().command().orElse(""))
        .filter(c -> c.endsWith("/smbd")).findFirst().map(c -> output(List.of(c, argument)))
        .orElse("smbd (version unknown)");
  }

  /** A setting of the fixture's smb.conf as Samba reads it, defaults included. */
  private static String testparm(SambaFixture samba, String parameter) {
    String conf = samba.shareDirectory().resolveSibling("smb.conf").toString();
    return output(List.of("testparm", "--suppress-prompt", "--parameter-name=" + parameter, conf));
  }

  private static String output(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      process.waitFor(10, TimeUnit.SECONDS);
      return out.isEmpty() ? "(unknown)" : out;
    } catch (IOException e) {
      return "(unknown: " + e.getMessage() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "(unknown)";
    }
  }
}
