package io.stockage.core.internal.diff;

import io.stockage.Diff;
import io.stockage.ItemId;
import io.stockage.core.internal.BoundedInputStream;
import java.io.IOException;
import io.stockage.spi.storage.FileBacked;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Computes the {@link Diff} of two revisions of a file: a unified line diff for text-like content
 * and PDF text, and the properties that differ (size, SHA-256, type; width and height of images;
 * pages of PDF; triangles and bounding box of STL; meshes, nodes, materials and generator of
 * glTF). Never throws for bad content: a side that cannot be read or parsed reports the property
 * {@code error} and no hunks. Immutable and thread-safe.
 *
 * <p>Bounded by {@link DiffLimits}: each side's content is opened at most once, streamed, and read
 * only as far as the limits allow; past them the diff is {@link Diff#truncated() truncated}.
 */
public final class RevisionDiffer {
  private final DiffLimits limits;
  private final LongSupplier ticker;

  private RevisionDiffer(DiffLimits limits, LongSupplier ticker) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.ticker = Objects.requireNonNull(ticker, "ticker");
  }

  /** A differ within the given limits. */
  public static RevisionDiffer create(DiffLimits limits) {
    return new RevisionDiffer(limits, System::nanoTime);
  }

  /** A differ whose timeout is measured by {@code ticker} (nanoseconds): for tests. */
  static RevisionDiffer create(DiffLimits limits, LongSupplier ticker) {
    return new RevisionDiffer(limits, ticker);
  }

  /** The limits. */
  public DiffLimits limits() {
    return limits;
  }

  /**
   * What changed from one revision to another. Content with the same hash and type is not opened.
   *
   * @param item the file, reported in the diff
   * @param from the older revision
   * @param to the newer revision
   */
  public Diff diff(ItemId item, Side from, Side to) {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Deadline deadline = new Deadline(ticker, limits.timeout());
    boolean same = from.sha256().equalsIgnoreCase(to.sha256())
        && ContentKind.normalize(from.mimeType()).equals(ContentKind.normalize(to.mimeType()));
    Extraction older = same ? Extraction.none() : extract(from, deadline, false);
    Extraction newer = same ? Extraction.none() : extract(to, deadline, false);
    if (deadline.expired()) {
      // One side, or both, stopped at an arbitrary point: comparing them would report changes that
      // are not there (text "deleted", a page count "removed"). Only the catalog properties hold.
      older = Extraction.timedOut();
      newer = Extraction.timedOut();
    }
    boolean truncated = older.truncated() || newer.truncated();
    List<Diff.Hunk> hunks = List.of();
    if (older.textual() && newer.textual()) {
      LineDiff.Result lines = new LineDiff(limits.maxHunks(), deadline).diff(older.lines(), newer.lines());
      hunks = lines.hunks();
      truncated |= lines.truncated();
    }
    List<Diff.PropertyChange> changes = changes(properties(from, older), properties(to, newer));
    return new Diff(item, from.revision(), to.revision(), hunks, changes, truncated);
  }

  /**
   * What one revision holds as text and properties, within the limits (the whole extraction shares
   * one timeout): what the search index is built from. A failure is reported, never thrown.
   */
  public Extracted extract(Side side) {
    Extraction extraction = extract(side, new Deadline(ticker, limits.timeout()), true);
    Map<String, String> properties = extraction.properties();
    Optional<String> error = Optional.ofNullable(properties.remove(Extraction.ERROR));
    if (error.isEmpty() && extraction.truncated()) {
      error = Optional.of("extraction stopped at its limits (size or time): indexed in part");
    }
    String text = switch (ContentKind.of(side.mimeType())) {
      case GLTF_JSON, GLB -> GltfSummary.searchable(properties);
      default -> String.join("\n", extraction.lines());
    };
    return new Extracted(text, properties, error, extraction.thumbnail());
  }

  // With thumbnail, a PDF's first page is rendered from the document loaded for its text.
  private Extraction extract(Side side, Deadline deadline, boolean thumbnail) {
    ContentKind kind = ContentKind.of(side.mimeType());
    if (kind == ContentKind.OTHER) {
      return Extraction.none();
    }
    try (DeadlineInputStream in = new DeadlineInputStream(Objects.requireNonNull(side.content().get(), "content"),
        deadline)) {
      Optional<FileBacked> file = in.source() instanceof FileBacked f ? Optional.of(f) : Optional.empty();
      Extraction extraction = extract(side, in, file, deadline, thumbnail);
      // A parser that swallowed the timeout may have returned early: its result is incomplete.
      return deadline.expired() ? withTruncated(extraction) : extraction;
    } catch (Deadline.Expired e) {
      return Extraction.timedOut();
    } catch (IOException | RuntimeException e) {
      return deadline.expired() ? Extraction.timedOut() : Extraction.failed(describe(e));
    } catch (StackOverflowError e) {
      // A parser recursing through hostile nesting: the stack is unwound here, the thread lives on.
      return Extraction.failed("the document nests too deeply to be read");
    }
  }

  private Extraction extract(Side side, InputStream in, Optional<FileBacked> file, Deadline deadline,
      boolean thumbnail) throws IOException {
    return switch (ContentKind.of(side.mimeType())) {
      case TEXT -> TextContent.read(in, limits);
      case GLTF_JSON -> GltfSummary.readJson(in, limits);
      case GLB -> GltfSummary.readGlb(in, limits);
      case PDF -> PdfText.read(in, file, limits, deadline, thumbnail);
      case IMAGE -> ImageHeader.read(new BoundedInputStream(in, limits.maxBytes()), ContentKind.normalize(side.mimeType()));
      case STL -> StlSummary.read(in, side.size());
      case OTHER -> Extraction.none();
    };
  }

  private static Extraction withTruncated(Extraction extraction) {
    return new Extraction(extraction.textual(), extraction.lines(), extraction.properties(), true,
        extraction.thumbnail());
  }

  /** The catalog properties, then the extracted ones. */
  private static Map<String, String> properties(Side side, Extraction extraction) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("size", Long.toString(side.size()));
    properties.put("sha256", side.sha256().toLowerCase(Locale.ROOT));
    properties.put("mimeType", side.mimeType());
    properties.putAll(extraction.properties());
    return properties;
  }

  /** The properties whose values differ, in order; {@code error} is reported whenever present. */
  private static List<Diff.PropertyChange> changes(Map<String, String> from, Map<String, String> to) {
    Set<String> names = new LinkedHashSet<>(from.keySet());
    names.addAll(to.keySet());
    List<Diff.PropertyChange> changes = new ArrayList<>();
    for (String name : names) {
      Optional<String> before = Optional.ofNullable(from.get(name));
      Optional<String> after = Optional.ofNullable(to.get(name));
      if (!before.equals(after) || name.equals(Extraction.ERROR)) {
        changes.add(new Diff.PropertyChange(name, before, after));
      }
    }
    return changes;
  }

  /** The innermost cause, named by its class and message (cut to 200 characters). */
  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? "" : ": " + root.getMessage();
    String text = root.getClass().getSimpleName() + message;
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }
}
