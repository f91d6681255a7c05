package io.stockage.testkit.conformance;

import io.stockage.ByteRange;
import io.stockage.Capability;
import io.stockage.ErrorKind;
import io.stockage.StockageException;
import io.stockage.spi.storage.ObjectContent;
import io.stockage.spi.storage.WriteOptions;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;
import org.quicktheories.impl.Constraint;

/**
 * One operation of a model-based run, with its effect on the provider and on the reference model;
 * each returns the outcome as a short text that the two sides must agree on.
 */
sealed interface ModelOp {
  /** Keys of a run: three folders deep, and no key is another's folder. */
  List<String> KEYS = List.of("k1", "k2", "x/k1", "x/k2", "x/y/k1", "x/y/k3");
  /** Prefixes listed: everything, partial names, folders with and without the slash, nothing. */
  List<String> PREFIXES = List.of("", "k", "x", "x/", "x/y/", "x/k", "z/");

  /** Does it on the provider; a {@link StockageException} escaping is the outcome too. */
  String onProvider(ModelRun run);

  /** Does it on the model. */
  String onModel(ModelRun run);

  /** Simpler variants of this step, to try when shrinking a failing sequence. */
  default List<ModelOp> simpler() {
    return List.of();
  }

  /** Sequences of 1 to 40 operations; ranges only when the provider reads ranges. */
  static Gen<List<ModelOp>> sequences(boolean ranges) {
    return SourceDSL.lists().of(operation(ranges)).ofSizeBetween(1, 40);
  }

  /** The sequence, one numbered step a line. */
  static String describe(List<ModelOp> ops) {
    return IntStream.range(0, ops.size()).mapToObj(i -> "  " + (i + 1) + ". " + ops.get(i))
        .collect(Collectors.joining("\n", ops.size() + " steps:\n", ""));
  }

  private static Gen<ModelOp> operation(boolean ranges) {
    return in -> {
      int kind = (int) in.next(Constraint.between(0, 11));
      String a = KEYS.get((int) in.next(Constraint.between(0, KEYS.size() - 1)));
      String b = KEYS.get((int) in.next(Constraint.between(0, KEYS.size() - 1)));
      int n1 = (int) in.next(Constraint.between(0, 600));
      int n2 = (int) in.next(Constraint.between(0, 600));
      int n3 = (int) in.next(Constraint.between(0, 3));
      int size = switch (n3) {
        case 0 -> 0;
        case 1 -> n1 % 17;
        case 2 -> n1;
        default -> n1 * 7;
      };
      return switch (kind) {
        case 0, 1, 2 -> new Write(a, size, n2);
        case 3 -> new Create(a, size, n2);
        case 4 -> new Delete(a);
        case 5 -> new Copy(a, b);
        case 6 -> new Move(a, b);
        case 7, 8 -> new Read(a, ranges ? range(n3, n1, n2) : Optional.empty());
        case 9 -> new Stat(a);
        default -> new ListKeys(PREFIXES.get(n2 % PREFIXES.size()), 1 + n3);
      };
    };
  }

  private static List<Integer> smallerSizes(int size) {
    return Stream.of(0, 1, size / 2).filter(s -> s < size).distinct().toList();
  }

  private static Optional<ByteRange> range(int shape, int first, int length) {
    return switch (shape) {
      case 0 -> Optional.empty();
      case 1 -> Optional.of(ByteRange.closed(first, first + length));
      case 2 -> Optional.of(ByteRange.from(first));
      default -> Optional.of(ByteRange.suffix(length + 1L));
    };
  }

  /** An unconditional write: creates or overwrites. */
  record Write(String key, int size, long seed) implements ModelOp {
    @Override
    public List<ModelOp> simpler() {
      return smallerSizes(size).stream().<ModelOp>map(s -> new Write(key, s, 0)).toList();
    }

    @Override
    public String onProvider(ModelRun run) {
      byte[] data = Bytes.random(size, seed);
      return "wrote " + run.provider().write(run.key(key), new ByteArrayInputStream(data), WriteOptions.defaults()).size();
    }

    @Override
    public String onModel(ModelRun run) {
      run.model().put(key, Bytes.random(size, seed));
      return "wrote " + size;
    }
  }

  /** A create-only write ({@code onlyIfAbsent}). */
  record Create(String key, int size, long seed) implements ModelOp {
    @Override
    public List<ModelOp> simpler() {
      return smallerSizes(size).stream().<ModelOp>map(s -> new Create(key, s, 0)).toList();
    }

    @Override
    public String onProvider(ModelRun run) {
      byte[] data = Bytes.random(size, seed);
      WriteOptions options = WriteOptions.defaults().withLength(size).onlyIfAbsent();
      return "wrote " + run.provider().write(run.key(key), new ByteArrayInputStream(data), options).size();
    }

    @Override
    public String onModel(ModelRun run) {
      if (!run.supports(Capability.WRITE_CONDITIONAL)) {
        return ModelRun.outcome(StockageException.unsupported(Capability.WRITE_CONDITIONAL, "model"));
      }
      if (run.model().containsKey(key)) {
        return ErrorKind.ALREADY_EXISTS.toString();
      }
      run.model().put(key, Bytes.random(size, seed));
      return "wrote " + size;
    }
  }

  /** A delete, of a key that may be missing. */
  record Delete(String key) implements ModelOp {
    @Override
    public String onProvider(ModelRun run) {
      run.provider().delete(run.key(key));
      return "deleted";
    }

    @Override
    public String onModel(ModelRun run) {
      run.model().remove(key);
      return "deleted";
    }
  }

  /** A copy, possibly onto itself or from a missing key. */
  record Copy(String source, String target) implements ModelOp {
    @Override
    public String onProvider(ModelRun run) {
      return "copied " + run.provider().copy(run.key(source), run.key(target)).size();
    }

    @Override
    public String onModel(ModelRun run) {
      byte[] data = run.model().get(source);
      if (data == null) {
        return ErrorKind.NOT_FOUND.toString();
      }
      run.model().put(target, data);
      return "copied " + data.length;
    }
  }

  /** A move, possibly onto itself or from a missing key. */
  record Move(String source, String target) implements ModelOp {
    @Override
    public String onProvider(ModelRun run) {
      return "moved " + run.provider().move(run.key(source), run.key(target)).size();
    }

    @Override
    public String onModel(ModelRun run) {
      byte[] data = run.model().remove(source);
      if (data == null) {
        return ErrorKind.NOT_FOUND.toString();
      }
      run.model().put(target, data);
      return "moved " + data.length;
    }
  }

  /** A read, whole or of a range. */
  record Read(String key, Optional<ByteRange> range) implements ModelOp {
    @Override
    public List<ModelOp> simpler() {
      return range.isPresent() ? List.of(new Read(key, Optional.empty())) : List.of();
    }

    @Override
    public String onProvider(ModelRun run) {
      try (ObjectContent content = run.provider().read(run.key(key), range)) {
        return describe(content.slice(), ConformanceSuite.readAll(content));
      }
    }

    @Override
    public String onModel(ModelRun run) {
      byte[] data = run.model().get(key);
      if (data == null) {
        return ErrorKind.NOT_FOUND.toString();
      }
      try {
        ByteRange.Slice slice = range.map(r -> r.resolve(data.length)).orElse(ByteRange.Slice.whole(data.length));
        return describe(slice, Arrays.copyOfRange(data, (int) slice.offset(), (int) (slice.offset() + slice.length())));
      } catch (StockageException e) {
        return ModelRun.outcome(e);
      }
    }

    private static String describe(ByteRange.Slice slice, byte[] bytes) {
      return "read " + slice.offset() + "+" + slice.length() + ": " + Bytes.describe(bytes);
    }
  }

  /** A stat. */
  record Stat(String key) implements ModelOp {
    @Override
    public String onProvider(ModelRun run) {
      return "size " + run.provider().stat(run.key(key)).size();
    }

    @Override
    public String onModel(ModelRun run) {
      byte[] data = run.model().get(key);
      return data == null ? ErrorKind.NOT_FOUND.toString() : "size " + data.length;
    }
  }

  /** A listing of a prefix, page by page. */
  record ListKeys(String prefix, int limit) implements ModelOp {
    @Override
    public String onProvider(ModelRun run) {
      return run.listOnProvider(prefix, limit);
    }

    @Override
    public String onModel(ModelRun run) {
      return run.listOnModel(prefix);
    }
  }
}
