package io.stockage.testkit.conformance;

import io.stockage.Capabilities;
import io.stockage.Capability;
import io.stockage.StockageException;
import io.stockage.spi.storage.ObjectPage;
import io.stockage.spi.storage.StorageProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One sequence of {@link ModelOp}s run against the provider, under a prefix of its own, and
 * against the reference model: a {@code TreeMap} from key to bytes. Each step's outcome on both
 * sides is a short text (what was read, listed or written, or the error kind); the first step
 * where they differ fails.
 */
final class ModelRun {
  private final StorageProvider provider;
  private final String prefix;
  private final Capabilities capabilities;
  private final TreeMap<String, byte[]> model = new TreeMap<>();

  ModelRun(StorageProvider provider, String prefix, Capabilities capabilities) {
    this.provider = provider;
    this.prefix = prefix;
    this.capabilities = capabilities;
  }

  /** Runs the steps; fails at the first whose outcomes differ. */
  void check(List<ModelOp> ops) {
    for (int i = 0; i < ops.size(); i++) {
      ModelOp op = ops.get(i);
      String actual;
      try {
        actual = op.onProvider(this);
      } catch (StockageException e) {
        actual = outcome(e);
      }
      String expected = op.onModel(this);
      if (!expected.equals(actual)) {
        throw new Mismatch(i + 1, "step " + (i + 1) + ", " + op + ": the model says <" + expected
            + "> but the provider answered <" + actual + ">");
      }
    }
  }

  StorageProvider provider() {
    return provider;
  }

  TreeMap<String, byte[]> model() {
    return model;
  }

  boolean supports(Capability capability) {
    return capabilities.supports(capability);
  }

  /** The provider's key for a model key. */
  String key(String name) {
    return prefix + name;
  }

  /** The listing of a prefix on the provider: every page, as model keys with sizes. */
  String listOnProvider(String name, int limit) {
    List<String> entries = new ArrayList<>();
    String previous = null;
    Optional<String> after = Optional.empty();
    do {
      ObjectPage page = provider.list(key(name), after, limit);
      if (supports(Capability.LIST_PAGED) && page.objects().size() > limit) {
        return "a page of " + page.objects().size() + " objects, limit " + limit;
      }
      for (var info : page.objects()) {
        if (previous != null && info.key().compareTo(previous) <= 0) {
          return info.key() + " listed after " + previous;
        }
        if (!info.key().startsWith(prefix)) {
          return "a key outside the prefix: " + info.key();
        }
        previous = info.key();
        entries.add(info.key().substring(prefix.length()) + ":" + info.size());
      }
      after = page.next();
    } while (after.isPresent());
    return entries.toString();
  }

  /** The listing of a prefix in the model. */
  String listOnModel(String name) {
    List<String> entries = new ArrayList<>();
    for (Map.Entry<String, byte[]> e : model.tailMap(name, true).entrySet()) {
      if (!e.getKey().startsWith(name)) {
        break;
      }
      entries.add(e.getKey() + ":" + e.getValue().length);
    }
    return entries.toString();
  }

  /** The provider's outcome of a step differs from the model's. */
  static final class Mismatch extends AssertionError {
    private static final long serialVersionUID = 1L;
    private final int step;

    Mismatch(int step, String message) {
      super(message);
      this.step = step;
    }

    /** The step that differed, from 1. */
    int step() {
      return step;
    }
  }

  /** The outcome text of a failure: its kind, and the capability for {@code UNSUPPORTED}. */
  static String outcome(StockageException e) {
    return e.kind() + e.capability().map(c -> "(" + c + ")").orElse("");
  }
}
