package io.stockage.testkit.conformance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Shrinks a failing sequence of operations to a small one that still fails: cut after the failing
 * step, drop chunks of steps from halves down to single steps (delta debugging), then make the
 * remaining steps simpler, until nothing more can go or the budget is spent. Deterministic, so
 * the same failure shrinks the same way; QuickTheories' random shrinking rarely shortens a list
 * of a few hundred drawn values within a few hundred tries.
 */
final class ModelShrinker {
  private final Function<List<ModelOp>, Optional<Throwable>> runner;
  private final long deadline;
  private final int maxRuns;
  private int runs;

  /**
   * @param runner runs a sequence from scratch and returns its failure, empty when it passes
   */
  ModelShrinker(Function<List<ModelOp>, Optional<Throwable>> runner, Duration budget, int maxRuns) {
    this.runner = runner;
    this.deadline = System.nanoTime() + budget.toNanos();
    this.maxRuns = maxRuns;
  }

  /** The smallest failing sequence found, with its failure and the number of reruns it took. */
  record Shrunk(List<ModelOp> ops, Throwable failure, int runs) {}

  Shrunk shrink(List<ModelOp> failing, Throwable failure) {
    List<ModelOp> current = failing;
    Throwable currentFailure = failure;
    boolean progress = true;
    while (progress && hasBudget()) {
      progress = false;
      if (currentFailure instanceof ModelRun.Mismatch m && m.step() < current.size()) {
        List<ModelOp> cut = current.subList(0, m.step());
        Optional<Throwable> f = attempt(cut);
        if (f.isPresent()) {
          current = cut;
          currentFailure = f.get();
        }
      }
      for (int chunk = Math.max(1, current.size() / 2); chunk >= 1 && hasBudget(); chunk /= 2) {
        for (int start = 0; start + chunk <= current.size() && current.size() > 1 && hasBudget(); ) {
          List<ModelOp> candidate = new ArrayList<>(current.subList(0, start));
          candidate.addAll(current.subList(start + chunk, current.size()));
          Optional<Throwable> f = attempt(candidate);
          if (f.isPresent()) {
            current = candidate;
            currentFailure = f.get();
            progress = true;
          } else {
            start += chunk;
          }
        }
      }
      for (int i = 0; i < current.size() && hasBudget(); i++) {
        for (ModelOp simpler : current.get(i).simpler()) {
          List<ModelOp> candidate = new ArrayList<>(current);
          candidate.set(i, simpler);
          Optional<Throwable> f = attempt(candidate);
          if (f.isPresent()) {
            current = candidate;
            currentFailure = f.get();
            progress = true;
            break;
          }
        }
      }
    }
    return new Shrunk(List.copyOf(current), currentFailure, runs);
  }

  private Optional<Throwable> attempt(List<ModelOp> candidate) {
    if (candidate.isEmpty()) {
      return Optional.empty();
    }
    runs++;
    return runner.apply(candidate);
  }

  private boolean hasBudget() {
    return runs < maxRuns && System.nanoTime() < deadline;
  }
}
