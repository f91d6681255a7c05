package io.stockage.examples.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the SDK calls made in this JVM by operation ({@code PutObject}, {@code HeadObject}...),
 * and the HTTP attempts (a retried call makes several), so the report can show what each client
 * sends instead of guessing it. Registered for every client, the provider's own included, by the
 * SDK's global interceptor list ({@code software/amazon/awssdk/global/handlers/execution.interceptors}
 * in this module's resources). Thread-safe.
 */
public final class RequestCounter implements ExecutionInterceptor {
  private static final Map<String, LongAdder> CALLS = new ConcurrentHashMap<>();
  private static final String ATTEMPTS = "(HTTP attempts)";

  /** Made by the SDK, once per client. */
  public RequestCounter() {
    // Counts go to the static map: one tally for all clients.
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    CALLS.computeIfAbsent(operation == null ? "?" : operation, k -> new LongAdder()).increment();
  }

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
    CALLS.computeIfAbsent(ATTEMPTS, k -> new LongAdder()).increment();
  }

  /** The calls counted so far, by operation, and the HTTP attempts under {@value #ATTEMPTS}. */
  static Map<String, Long> snapshot() {
    Map<String, Long> counts = new TreeMap<>();
    CALLS.forEach((operation, count) -> counts.put(operation, count.sum()));
    return counts;
  }

  /** The calls made between two snapshots, by operation; operations without a call are left out. */
  static Map<String, Long> since(Map<String, Long> before) {
    Map<String, Long> diff = new TreeMap<>();
    snapshot().forEach((operation, count) -> {
      long made = count - before.getOrDefault(operation, 0L);
      if (made > 0) {
        diff.put(operation, made);
      }
    });
    return diff;
  }

  /** The key of the HTTP attempts in a snapshot. */
  static String attempts() {
    return ATTEMPTS;
  }
}
