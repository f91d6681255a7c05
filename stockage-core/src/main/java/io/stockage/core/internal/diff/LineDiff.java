package io.stockage.core.internal.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.algorithm.DiffAlgorithmListener;
import com.github.difflib.algorithm.myers.MyersDiffWithLinearSpace;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import io.stockage.Diff;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A unified line diff with {@value #CONTEXT} lines of context: java-diff-utils finds the changes,
 * this class groups them into {@link Diff.Hunk}s the way {@code diff -u} does.
 */
final class LineDiff {
  /** Lines of context around each change. */
  static final int CONTEXT = 3;

  private final int maxHunks;
  private final Deadline deadline;

  /** A diff reporting at most {@code maxHunks} hunks, stopping its search at the deadline. */
  LineDiff(int maxHunks, Deadline deadline) {
    this.maxHunks = maxHunks;
    this.deadline = deadline;
  }

  /**
   * Hunks, and whether the diff was cut short.
   *
   * @param hunks at most the limit
   * @param truncated whether hunks were dropped, or the timeout left only a coarse diff
   */
  record Result(List<Diff.Hunk> hunks, boolean truncated) {}

  /** Lines {@code [fromStart, fromEnd)} replaced by {@code [toStart, toEnd)}, from 0; either may be empty. */
  record Region(int fromStart, int fromEnd, int toStart, int toEnd) {}

  /**
   * Compares two texts. When the deadline passes during the comparison, falls back to one region
   * from the first to the last differing line: still a correct diff, only not a minimal one.
   */
  Result diff(List<String> from, List<String> to) {
    try {
      return hunks(from, to, regions(from, to));
    } catch (Deadline.Expired e) {
      Result coarse = hunks(from, to, coarse(from, to));
      return new Result(coarse.hunks(), true);
    }
  }

  /** The changed regions, in order, with a minimal number of changed lines. */
  List<Region> regions(List<String> from, List<String> to) {
    int prefix = commonPrefix(from, to);
    int suffix = commonSuffix(from, to, prefix);
    List<String> a = from.subList(prefix, from.size() - suffix);
    List<String> b = to.subList(prefix, to.size() - suffix);
    // A line found on one side only is a change whatever the alignment: leaving such lines out
    // keeps the longest common subsequence, and bounds Myers' O((N+M)D) time when most lines
    // differ (GNU diff discards them too). The linear-space variant keeps memory O(N+M).
    int[] keptA = kept(a, new HashSet<>(b));
    int[] keptB = kept(b, new HashSet<>(a));
    Patch<String> patch = DiffUtils.diff(project(a, keptA), project(b, keptB),
        new MyersDiffWithLinearSpace<String>(), listener(deadline));
    Regions regions = new Regions(prefix);
    int i = 0;
    int j = 0;
    for (AbstractDelta<String> delta : patch.getDeltas()) {
      for (; i < delta.getSource().getPosition(); i++, j++) {
        regions.match(keptA[i], keptB[j]);
      }
      i = delta.getSource().getPosition() + delta.getSource().size();
      j = delta.getTarget().getPosition() + delta.getTarget().size();
    }
    for (; i < keptA.length; i++, j++) {
      regions.match(keptA[i], keptB[j]);
    }
    regions.match(a.size(), b.size());
    return regions.list;
  }

  /** Groups regions less than {@code 2 * CONTEXT} lines apart into hunks, at most {@code maxHunks}. */
  Result hunks(List<String> from, List<String> to, List<Region> regions) {
    List<Diff.Hunk> hunks = new ArrayList<>();
    int first = 0;
    while (first < regions.size()) {
      if (hunks.size() == maxHunks) {
        return new Result(hunks, true);
      }
      int last = first;
      while (last + 1 < regions.size()
          && regions.get(last + 1).fromStart() - regions.get(last).fromEnd() <= 2 * CONTEXT) {
        last++;
      }
      hunks.add(hunk(from, to, regions.subList(first, last + 1)));
      first = last + 1;
    }
    return new Result(hunks, false);
  }

  // Between regions every line is common, so the gaps (and the context) are the same on both sides.
  private static Diff.Hunk hunk(List<String> from, List<String> to, List<Region> group) {
    Region head = group.get(0);
    Region tail = group.get(group.size() - 1);
    int before = Math.min(CONTEXT, head.fromStart());
    int after = Math.min(CONTEXT, from.size() - tail.fromEnd());
    int fromStart = head.fromStart() - before;
    int toStart = head.toStart() - before;
    List<String> lines = new ArrayList<>();
    append(lines, ' ', from.subList(fromStart, head.fromStart()));
    for (int k = 0; k < group.size(); k++) {
      Region region = group.get(k);
      if (k > 0) {
        append(lines, ' ', from.subList(group.get(k - 1).fromEnd(), region.fromStart()));
      }
      append(lines, '-', from.subList(region.fromStart(), region.fromEnd()));
      append(lines, '+', to.subList(region.toStart(), region.toEnd()));
    }
    append(lines, ' ', from.subList(tail.fromEnd(), tail.fromEnd() + after));
    int fromCount = tail.fromEnd() + after - fromStart;
    int toCount = tail.toEnd() + after - toStart;
    return new Diff.Hunk(lineNumber(fromStart, fromCount), fromCount, lineNumber(toStart, toCount), toCount, lines);
  }

  // As diff -u: an empty range is numbered by the line before it (0 at the start of the file).
  private static int lineNumber(int start, int count) {
    return count == 0 ? start : start + 1;
  }

  private static void append(List<String> out, char prefix, List<String> lines) {
    for (String line : lines) {
      out.add(prefix + line);
    }
  }

  private static List<Region> coarse(List<String> from, List<String> to) {
    int prefix = commonPrefix(from, to);
    int suffix = commonSuffix(from, to, prefix);
    if (prefix == from.size() && prefix == to.size()) {
      return List.of();
    }
    return List.of(new Region(prefix, from.size() - suffix, prefix, to.size() - suffix));
  }

  private static int commonPrefix(List<String> a, List<String> b) {
    int n = 0;
    while (n < a.size() && n < b.size() && a.get(n).equals(b.get(n))) {
      n++;
    }
    return n;
  }

  private static int commonSuffix(List<String> a, List<String> b, int prefix) {
    int n = 0;
    while (n < a.size() - prefix && n < b.size() - prefix
        && a.get(a.size() - 1 - n).equals(b.get(b.size() - 1 - n))) {
      n++;
    }
    return n;
  }

  private static int[] kept(List<String> lines, Set<String> other) {
    return IntStream.range(0, lines.size()).filter(i -> other.contains(lines.get(i))).toArray();
  }

  private static List<String> project(List<String> lines, int[] indexes) {
    List<String> out = new ArrayList<>(indexes.length);
    for (int index : indexes) {
      out.add(lines.get(index));
    }
    return out;
  }

  private static DiffAlgorithmListener listener(Deadline deadline) {
    return new DiffAlgorithmListener() {
      @Override
      public void diffStart() {
        deadline.check();
      }

      @Override
      public void diffStep(int value, int max) {
        deadline.check();
      }

      @Override
      public void diffEnd() {}
    };
  }

  /** Collects the regions between matched line pairs (indexes relative to {@code offset}). */
  private static final class Regions {
    private final int offset;
    private final List<Region> list = new ArrayList<>();
    private int nextA;
    private int nextB;

    Regions(int offset) {
      this.offset = offset;
    }

    /** Line {@code a} of the old text matches line {@code b} of the new one. */
    void match(int a, int b) {
      if (a > nextA || b > nextB) {
        list.add(new Region(offset + nextA, offset + a, offset + nextB, offset + b));
      }
      nextA = a + 1;
      nextB = b + 1;
    }
  }
}
