package io.stockage.examples.bench;

/**
 * The measured runs of one leg at one size: wall time, the client's and the server's CPU time,
 * and the garbage collections in the benchmark's JVM. Not thread-safe.
 */
final class LegStats {
  private final Timings wall = new Timings();
  private final Timings clientCpu = new Timings();
  private final Timings serverCpu = new Timings();
  private long gcCount;
  private long gcMillis;

  /** Records one measured run. */
  void add(Sample sample) {
    wall.add(sample.wallNanos());
    clientCpu.add(sample.clientCpuNanos());
    serverCpu.add(sample.serverCpuNanos());
    gcCount += sample.gcCount();
    gcMillis += sample.gcMillis();
  }

  /** The wall-clock durations. */
  Timings wall() {
    return wall;
  }

  /** The client's CPU time: the calling thread, where the SDK client works (S3); the whole JVM (SMB). */
  Timings clientCpu() {
    return clientCpu;
  }

  /** The CPU time of the server's processes: S3Mock, or smbd. */
  Timings serverCpu() {
    return serverCpu;
  }

  /** The collections during all the measured runs. */
  long gcCount() {
    return gcCount;
  }

  /** The time the collectors spent during all the measured runs, in milliseconds. */
  long gcMillis() {
    return gcMillis;
  }

  /**
   * One run of a leg.
   *
   * @param wallNanos how long it took
   * @param clientCpuNanos the client's CPU time (the calling thread for S3, the whole JVM for SMB)
   * @param serverCpuNanos the CPU time of the server's processes (S3Mock, or smbd)
   * @param gcCount the garbage collections in this JVM meanwhile
   * @param gcMillis the time they took
   */
  record Sample(long wallNanos, long clientCpuNanos, long serverCpuNanos, long gcCount, long gcMillis) {}
}
