package io.stockage.testkit.conformance;

/**
 * Stops and starts the server a provider talks to, so that the conformance suites can check that
 * calls made while it is down fail with {@code UNAVAILABLE} and that the provider recovers.
 */
public interface ServerControl {

  /** Stops the server; returns once it no longer accepts connections. */
  void stop();

  /**
   * Starts the server again at the same address, with the same data where the server keeps it;
   * returns once it answers requests.
   */
  void start();
}
