package io.stockage.core.internal.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import io.stockage.Diff;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LineDiffTest {
  private static final Deadline NEVER = new Deadline(System::nanoTime, Duration.ofDays(1));

  @Test
  void diff_identicalTexts_noHunks() {
    List<String> text = List.of("a", "b", "c");

    LineDiff.Result result = new LineDiff(10, NEVER).diff(text, text);

    assertThat(result.hunks()).isEmpty();
    assertThat(result.truncated()).isFalse();
  }

  @Test
  void diff_changesSixLinesApart_oneHunk() {
    List<String> from = numbered(20);
    List<String> to = new ArrayList<>(from);
    to.set(4, "x");
    to.set(11, "y");

    LineDiff.Result result = new LineDiff(10, NEVER).diff(from, to);

    assertThat(result.hunks()).singleElement().satisfies(hunk -> {
      assertThat(List.of(hunk.fromLine(), hunk.fromCount(), hunk.toLine(), hunk.toCount())).containsExactly(2, 14, 2, 14);
      assertThat(hunk.lines()).filteredOn(line -> !line.startsWith(" ")).containsExactly("-5", "+x", "-12", "+y");
    });
  }

  @Test
  void diff_changesSevenLinesApart_twoHunks() {
    List<String> from = numbered(20);
    List<String> to = new ArrayList<>(from);
    to.set(4, "x");
    to.set(12, "y");

    assertThat(new LineDiff(10, NEVER).diff(from, to).hunks()).hasSize(2);
  }

  @Test
  void diff_everythingDeleted_hunkEndsAtLineZero() {
    LineDiff.Result result = new LineDiff(10, NEVER).diff(List.of("a", "b"), List.of());

    assertThat(result.hunks()).containsExactly(new Diff.Hunk(1, 2, 0, 0, List.of("-a", "-b")));
  }

  @Test
  void diff_deadlinePassed_coarseHunkAndTruncated() {
    AtomicLong now = new AtomicLong();
    Deadline passed = new Deadline(now::get, Duration.ofSeconds(1));
    now.set(Duration.ofSeconds(2).toNanos());
    List<String> from = List.of("same", "a", "b", "c", "end");
    List<String> to = List.of("same", "b", "x", "c", "end");

    LineDiff.Result result = new LineDiff(10, passed).diff(from, to);

    assertThat(result.truncated()).isTrue();
    assertThat(result.hunks()).containsExactly(new Diff.Hunk(1, 5, 1, 5,
        List.of(" same", "-a", "-b", "+b", "+x", " c", " end")));
  }

  @Test
  void diff_seededRandomTexts_hunksRebuildTheNewTextWithMinimalChanges() {
    SplittableRandom random = new SplittableRandom(20_251_123);
    for (int round = 0; round < 300; round++) {
      // Few distinct lines make many equal lines and ambiguous alignments.
      List<String> from = randomLines(random, random.nextInt(40), 1 + random.nextInt(6));
      List<String> to = mutate(random, from);

      LineDiff.Result result = new LineDiff(Integer.MAX_VALUE, NEVER).diff(from, to);

      assertThat(apply(from, result.hunks())).as("round %d: %s -> %s", round, from, to).isEqualTo(to);
      assertThat(changedLines(result.hunks())).as("round %d", round).isEqualTo(minimalChanges(from, to));
    }
  }

  /** Applies hunks as {@code patch} would, checking their context and counts. */
  private static List<String> apply(List<String> from, List<Diff.Hunk> hunks) {
    List<String> out = new ArrayList<>();
    int next = 0;
    for (Diff.Hunk hunk : hunks) {
      int start = hunk.fromCount() == 0 ? hunk.fromLine() : hunk.fromLine() - 1;
      assertThat(start).isGreaterThanOrEqualTo(next);
      out.addAll(from.subList(next, start));
      next = start;
      int removed = 0;
      int added = 0;
      for (String line : hunk.lines()) {
        char kind = line.charAt(0);
        String text = line.substring(1);
        if (kind != '+') {
          assertThat(from.get(next++)).isEqualTo(text);
          removed++;
        }
        if (kind != '-') {
          out.add(text);
          added++;
        }
      }
      assertThat(removed).isEqualTo(hunk.fromCount());
      assertThat(added).isEqualTo(hunk.toCount());
    }
    out.addAll(from.subList(next, from.size()));
    return out;
  }

  private static long changedLines(List<Diff.Hunk> hunks) {
    return hunks.stream().flatMap(hunk -> hunk.lines().stream()).filter(line -> !line.startsWith(" ")).count();
  }

  private static long minimalChanges(List<String> from, List<String> to) {
    return DiffUtils.diff(from, to).getDeltas().stream()
        .mapToLong(delta -> sizes(delta))
        .sum();
  }

  private static long sizes(AbstractDelta<String> delta) {
    return delta.getSource().size() + delta.getTarget().size();
  }

  private static List<String> randomLines(SplittableRandom random, int count, int distinct) {
    return IntStream.range(0, count).mapToObj(i -> "l" + random.nextInt(distinct)).collect(Collectors.toList());
  }

  private static List<String> mutate(SplittableRandom random, List<String> lines) {
    List<String> out = new ArrayList<>(lines);
    int edits = random.nextInt(8);
    for (int i = 0; i < edits; i++) {
      int at = out.isEmpty() ? 0 : random.nextInt(out.size());
      switch (random.nextInt(3)) {
        case 0 -> out.add(at, random.nextBoolean() ? "new" + i : "l" + random.nextInt(4));
        case 1 -> {
          if (!out.isEmpty()) {
            out.remove(at);
          }
        }
        default -> {
          if (!out.isEmpty()) {
            out.set(at, "changed" + i);
          }
        }
      }
    }
    return out;
  }

  private static List<String> numbered(int lines) {
    return IntStream.rangeClosed(1, lines).mapToObj(Integer::toString).collect(Collectors.toList());
  }
}
