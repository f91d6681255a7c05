package io.stockage.core.internal.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.Diff;
import io.stockage.ItemId;
import io.stockage.testkit.Samples;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RevisionDifferTest {
  private static final ItemId ITEM = ItemId.random();
  private final RevisionDiffer differ = RevisionDiffer.create(DiffLimits.defaults());

  @Test
  void diff_textChangedInTwoPlaces_twoHunksWithThreeLinesOfContext() {
    String from = numbered(20);
    String to = from.replace("line 3\n", "line three\n").replace("line 18\n", "line eighteen\n");

    Diff diff = differ.diff(ITEM, text(1, from), text(2, to));

    assertThat(diff.truncated()).isFalse();
    assertThat(diff.from()).isEqualTo(1);
    assertThat(diff.to()).isEqualTo(2);
    assertThat(diff.unified("notes.txt")).isEqualTo("""
        --- a/notes.txt\t(revision 1)
        +++ b/notes.txt\t(revision 2)
        @@ -1,6 +1,6 @@
         line 1
         line 2
        -line 3
        +line three
         line 4
         line 5
         line 6
        @@ -15,6 +15,6 @@
         line 15
         line 16
         line 17
        -line 18
        +line eighteen
         line 19
         line 20
        """);
    assertThat(diff.properties()).extracting(Diff.PropertyChange::name).containsExactly("size", "sha256");
  }

  @Test
  void diff_linesInsertedAndDeleted_hunkCountsMatch() {
    String from = numbered(10);
    String to = from.replace("line 5\n", "").replace("line 7\n", "line 7\nnew a\nnew b\n");

    Diff diff = differ.diff(ITEM, text(1, from), text(2, to));

    assertThat(diff.hunks()).containsExactly(new Diff.Hunk(2, 9, 2, 10, List.of(
        " line 2", " line 3", " line 4", "-line 5", " line 6", " line 7", "+new a", "+new b",
        " line 8", " line 9", " line 10")));
  }

  @Test
  void diff_emptyOldText_hunkStartsAtLineZero() {
    Diff diff = differ.diff(ITEM, text(1, ""), text(2, "a\nb\n"));

    assertThat(diff.hunks()).containsExactly(new Diff.Hunk(0, 0, 1, 2, List.of("+a", "+b")));
  }

  @Test
  void diff_crlfAndMalformedUtf8_decodedWithReplacement() {
    byte[] from = "same\r\nold \u00e9\r\n".getBytes(StandardCharsets.UTF_8);
    byte[] to = {'s', 'a', 'm', 'e', '\r', '\n', 'n', 'e', 'w', ' ', (byte) 0xC3, '\n'};

    Diff diff = differ.diff(ITEM, Sides.of(1, "text/plain; charset=utf-8", from).side,
        Sides.of(2, "text/plain", to).side);

    assertThat(diff.hunks()).singleElement().satisfies(hunk ->
        assertThat(hunk.lines()).containsExactly(" same", "-old \u00e9", "+new \ufffd"));
    assertThat(diff.properties()).extracting(Diff.PropertyChange::name).containsExactly("size", "sha256", "mimeType");
  }

  @Test
  void diff_jsonAndXml_lineDiffed() {
    for (String type : List.of("application/json", "application/xml", "application/atom+xml", "text/csv")) {
      Diff diff = differ.diff(ITEM, text(1, "a\nb\n", type), text(2, "a\nc\n", type));

      assertThat(diff.hunks()).as(type).singleElement()
          .satisfies(hunk -> assertThat(hunk.lines()).containsExactly(" a", "-b", "+c"));
    }
  }

  @Test
  void diff_moreHunksThanTheLimit_truncated() {
    RevisionDiffer oneHunk = RevisionDiffer.create(DiffLimits.defaults().withMaxHunks(1));
    String from = numbered(20);
    String to = from.replace("line 1\n", "x\n").replace("line 20\n", "y\n");

    Diff diff = oneHunk.diff(ITEM, text(1, from), text(2, to));

    assertThat(diff.hunks()).hasSize(1);
    assertThat(diff.truncated()).isTrue();
  }

  @Test
  void diff_moreLinesThanTheLimit_truncatedAfterTheLimit() {
    RevisionDiffer fiveLines = RevisionDiffer.create(DiffLimits.of(1 << 20, 5));

    Diff diff = fiveLines.diff(ITEM, text(1, numbered(10)), text(2, numbered(10).replace("line 9\n", "")));

    assertThat(diff.truncated()).isTrue();
    assertThat(diff.hunks()).isEmpty();
  }

  @Test
  void diff_200MegabytesPerSide_truncatedQuicklyAndReadOnlyToTheLimit() {
    long size = 200L << 20;
    Sides.Tracked from = Sides.generated(1, "text/plain", size, () -> new GeneratedText(size, 1000, "a"));
    Sides.Tracked to = Sides.generated(2, "text/plain", size, () -> new GeneratedText(size, 1000, "b"));
    long start = System.nanoTime();

    Diff diff = differ.diff(ITEM, from.side, to.side);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    assertThat(diff.truncated()).isTrue();
    // 20 000 lines compared, one in 1 000 changed: 20 hunks, each a changed line in context.
    assertThat(diff.hunks()).hasSize(20);
    assertThat(diff.hunks().get(0)).satisfies(hunk -> {
      assertThat(List.of(hunk.fromLine(), hunk.fromCount(), hunk.toLine(), hunk.toCount())).containsExactly(997, 7, 997, 7);
      assertThat(hunk.lines()).contains(
          "-line 1000: the quick brown fox jumps over the lazy dog changed in a",
          "+line 1000: the quick brown fox jumps over the lazy dog changed in b");
    });
    for (Sides.Tracked side : List.of(from, to)) {
      assertThat(side.opened).hasValue(1);
      assertThat(side.closed).hasValue(1);
      assertThat(side.read.get()).isLessThanOrEqualTo(DiffLimits.DEFAULT_MAX_BYTES + 1);
    }
  }

  @Test
  void diff_pdfTextChanged_hunkShowsTheChangedLine() {
    Diff diff = differ.diff(ITEM, pdf(1, "Quarterly report draft"), pdf(2, "Quarterly report final version"));

    assertThat(diff.truncated()).isFalse();
    assertThat(diff.hunks()).singleElement().satisfies(hunk -> assertThat(hunk.lines())
        .contains("-Quarterly report draft", "+Quarterly report final version"));
    // Both have one page: the page count does not differ.
    assertThat(diff.properties()).extracting(Diff.PropertyChange::name).containsExactly("size", "sha256");
  }

  @Test
  void diff_pdfTextLongerThanTheLimit_truncatedWithPages() {
    RevisionDiffer small = RevisionDiffer.create(DiffLimits.of(10, 100));

    Diff diff = small.diff(ITEM, pdf(1, "A rather long first line"), pdf(2, "Another long first line"));

    assertThat(diff.truncated()).isTrue();
    assertThat(diff.hunks()).singleElement().satisfies(hunk -> assertThat(hunk.lines())
        .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(11)));
  }

  @Test
  void diff_corruptPdf_propertiesOnlyWithError() {
    byte[] corrupt = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nthis is not a PDF".getBytes(StandardCharsets.US_ASCII);

    Diff diff = differ.diff(ITEM, pdf(1, "Valid"), Sides.of(2, "application/pdf", corrupt).side);

    assertThat(diff.hunks()).isEmpty();
    assertThat(diff.truncated()).isFalse();
    assertThat(diff.properties()).extracting(Diff.PropertyChange::name).containsExactly("size", "sha256", "pages", "error");
    Diff.PropertyChange error = diff.properties().get(3);
    assertThat(error.from()).isEmpty();
    assertThat(error.to()).isPresent();
  }

  @Test
  void diff_sameHashAndType_contentNotOpened() {
    Side side = new Side(1, "text/plain", 3, "ab".repeat(32), () -> {
      throw new AssertionError("opened");
    });
    Side same = new Side(2, "text/plain", 3, "AB".repeat(32), side.content());

    Diff diff = differ.diff(ITEM, side, same);

    assertThat(diff.hunks()).isEmpty();
    assertThat(diff.properties()).isEmpty();
  }

  @Test
  void diff_typeWithoutExtraction_contentNotOpened() {
    Side zip = new Side(1, "application/zip", 3, "ab".repeat(32), () -> {
      throw new AssertionError("opened");
    });
    Side other = new Side(2, "application/zip", 4, "cd".repeat(32), zip.content());

    Diff diff = differ.diff(ITEM, zip, other);

    assertThat(diff.properties()).extracting(Diff.PropertyChange::name).containsExactly("size", "sha256");
    assertThat(diff.properties().get(0).from()).contains("3");
    assertThat(diff.properties().get(0).to()).contains("4");
  }

  @Test
  void diff_contentCannotBeOpened_errorAndNoHunks() {
    Side missing = new Side(2, "text/plain", 3, "cd".repeat(32), () -> {
      throw new UncheckedIOException(new java.io.IOException("blob gone"));
    });

    Diff diff = differ.diff(ITEM, text(1, "a\n"), missing);

    assertThat(diff.hunks()).isEmpty();
    assertThat(diff.properties()).filteredOn(change -> change.name().equals("error")).singleElement()
        .satisfies(change -> assertThat(change.to()).contains("IOException: blob gone"));
  }

  @Test
  void diff_timeoutWhileReading_truncatedWithoutHunks() {
    AtomicLong now = new AtomicLong();
    RevisionDiffer timed = RevisionDiffer.create(DiffLimits.defaults(), now::get);
    Side slow = new Side(2, "text/plain", 3, "cd".repeat(32), () -> {
      now.addAndGet(Duration.ofMinutes(1).toNanos());
      return new java.io.ByteArrayInputStream("b\n".getBytes(StandardCharsets.US_ASCII));
    });

    Diff diff = timed.diff(ITEM, text(1, "a\n"), slow);

    assertThat(diff.truncated()).isTrue();
    assertThat(diff.hunks()).isEmpty();
    assertThat(diff.properties()).extracting(Diff.PropertyChange::name).containsExactly("size", "sha256");
  }

  @Test
  void diff_timeoutWhileParsingPdf_catalogPropertiesOnlyAndTruncated() {
    AtomicLong now = new AtomicLong();
    // Every look at the clock takes 4 s: the third check of the 10 s deadline fails, inside the parser.
    RevisionDiffer timed = RevisionDiffer.create(DiffLimits.defaults(), () -> now.addAndGet(Duration.ofSeconds(4).toNanos()));

    Diff diff = timed.diff(ITEM, pdf(1, "Alpha"), pdf(2, "Beta"));

    assertThat(diff.truncated()).isTrue();
    assertThat(diff.hunks()).isEmpty();
    assertThat(diff.properties()).extracting(Diff.PropertyChange::name).containsExactly("size", "sha256");
  }

  @Test
  void diff_eachSide_openedOnceAndClosed() {
    Sides.Tracked from = Sides.of(1, "model/gltf+json", Samples.gltf("Cube"));
    Sides.Tracked to = Sides.of(2, "model/gltf+json", Samples.gltf("Sphere"));

    differ.diff(ITEM, from.side, to.side);

    assertThat(List.of(from.opened.get(), from.closed.get(), to.opened.get(), to.closed.get())).containsOnly(1);
  }

  @Test
  void diff_textToImage_typeChangeAndImagePropertiesWithoutHunks() {
    Diff diff = differ.diff(ITEM, text(1, "Hello\n"), Sides.of(2, "image/png", Samples.png(4, 3)).side);

    assertThat(diff.hunks()).isEmpty();
    assertThat(diff.properties()).extracting(Diff.PropertyChange::name)
        .containsExactly("size", "sha256", "mimeType", "width", "height");
    assertThat(diff.properties().get(3).from()).isEqualTo(Optional.empty());
    assertThat(diff.properties().get(3).to()).contains("4");
  }

  private static String numbered(int lines) {
    return IntStream.rangeClosed(1, lines).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining());
  }

  private static Side text(int revision, String content) {
    return text(revision, content, "text/plain");
  }

  private static Side text(int revision, String content, String type) {
    return Sides.of(revision, type, content.getBytes(StandardCharsets.UTF_8)).side;
  }

  private static Side pdf(int revision, String text) {
    return Sides.of(revision, "application/pdf", Samples.pdf(text)).side;
  }
}
