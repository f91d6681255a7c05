package io.stockage.examples.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * CPU time and garbage collections read around each leg of the S3 and SMB benchmarks, to tell the
 * client's own cost from the server's and from waiting: the wall time of a leg is roughly the sum
 * of these and the time spent on the disk or behind other processes.
 */
final class CpuClock {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private CpuClock() {}

  /**
   * The CPU time of the calling thread, in nanoseconds. The synchronous SDK client does a
   * request's work (reading the body, checksums, signing, socket writes and reads) on the calling
   * thread; the garbage collector's threads are not counted.
   */
  static long client() {
    return THREADS.getCurrentThreadCpuTime();
  }

  /**
   * The CPU time of this whole JVM, all its threads, in nanoseconds. smbj reads responses on a
   * thread of its own, which {@link #client()} would miss.
   */
  static long process() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * The CPU time of this JVM's child processes (the S3Mock server, or smbd and the processes it
   * forks per connection, and the shell watching it), in nanoseconds; Linux counts it in 10 ms
   * ticks.
   */
  static long server() {
    return ProcessHandle.current().descendants()
        .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
        .sum();
  }

  /** The collections this JVM's garbage collectors have made so far. */
  static long gcCount() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
  }

  /** The time this JVM's garbage collectors have spent so far, in milliseconds, as they report it. */
  static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
  }
}
