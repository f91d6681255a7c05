package io.stockage.testkit.conformance;

import static org.quicktheories.QuickTheory.qt;

import io.stockage.Capability;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Model-based: random sequences of writes, overwrites, creates, deletes, copies, moves, ranged
 * reads, stats and listings run against the provider and against a {@code TreeMap} of bytes,
 * comparing every observable result. QuickTheories generates the sequences (and reports the seed
 * of a failure); {@link ModelShrinker} shrinks a failing one to the smallest it can find, which
 * the failure's cause shows.
 *
 * <p>Each sequence runs under a prefix of its own and is cleaned up after. The budget is
 * {@value #DEFAULT_SECONDS} s or {@value #DEFAULT_EXAMPLES} sequences, whichever ends first;
 * system properties {@code stockage.conformance.model.seconds} and
 * {@code stockage.conformance.model.examples} change it, and QuickTheories' {@code QT_SEED}
 * replays a reported seed.
 */
public abstract class ModelConformance extends ConformanceSuite {
  static final int DEFAULT_SECONDS = 8;
  static final int DEFAULT_EXAMPLES = 5000;
  private static final Duration SHRINK_BUDGET = Duration.ofSeconds(60);
  private static final int SHRINK_RUNS = 2000;
  private final AtomicInteger runs = new AtomicInteger();
  private final AtomicLong steps = new AtomicLong();

  /** For subclasses. */
  protected ModelConformance() {}

  @Test
  void operations_randomSequences_matchTheReferenceModel() {
    long started = System.nanoTime();
    qt().withExamples(modelExamples())
        .withTestingTime(modelBudget().toMillis(), TimeUnit.MILLISECONDS)
        // Shrinking is ModelShrinker's: QuickTheories' random shrinking rarely shortens a sequence.
        .withShrinkCycles(0)
        .forAll(ModelOp.sequences(supports(Capability.READ_RANGE)))
        .describedAs(ops -> "the generated " + ModelOp.describe(ops))
        .checkAssert(this::runSequence);
    // How much the budget bought, for whoever tunes it: surefire keeps it in the test's output.
    System.out.printf("%s, model-based: %d sequences, %d operations in %d ms%n", provider().scheme(), runs.get(),
        steps.get(), Duration.ofNanos(System.nanoTime() - started).toMillis());
  }

  /** How long to generate sequences; shrinking a failure may take longer. */
  protected Duration modelBudget() {
    return Duration.ofSeconds(Integer.getInteger("stockage.conformance.model.seconds", DEFAULT_SECONDS));
  }

  /** The most sequences to run within the budget. */
  protected int modelExamples() {
    return Integer.getInteger("stockage.conformance.model.examples", DEFAULT_EXAMPLES);
  }

  private void runSequence(List<ModelOp> ops) {
    Optional<Throwable> failure = attempt(ops);
    if (failure.isEmpty()) {
      return;
    }
    ModelShrinker.Shrunk shrunk = new ModelShrinker(this::attempt, SHRINK_BUDGET, SHRINK_RUNS).shrink(ops, failure.get());
    throw new AssertionError("smallest failing sequence found (" + shrunk.ops().size() + " of the " + ops.size()
        + " steps generated, after " + shrunk.runs() + " reruns): " + ModelOp.describe(shrunk.ops()) + "\nfails at "
        + shrunk.failure().getMessage(), shrunk.failure());
  }

  /** Runs the sequence under a prefix of its own, cleans up, and returns what failed. */
  private Optional<Throwable> attempt(List<ModelOp> ops) {
    Throwable failure = null;
    steps.addAndGet(ops.size());
    try {
      new ModelRun(provider(), key("run-" + runs.incrementAndGet() + "/"), capabilities()).check(ops);
    } catch (RuntimeException | Error e) {
      failure = e;
    }
    try {
      cleanUp();
    } catch (AssertionError e) {
      if (failure == null) {
        failure = e;
      } else {
        failure.addSuppressed(e);
      }
    }
    return Optional.ofNullable(failure);
  }
}
