package io.stockage.testkit.conformance;

import io.stockage.Capabilities;
import io.stockage.Capability;
import io.stockage.Limits;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The providers' capabilities as a Markdown table: a row per {@link Capability} ({@code yes} or
 * {@code —}), then the {@link Limits}; a column per provider, in the order added. The README's
 * table is this output, and a test keeps the two equal.
 *
 * <pre>
 * String markdown = CapabilityTable.create()
 *     .with("fs", fsProvider.capabilities())
 *     .with("memory", memoryProvider.capabilities())
 *     .markdown();
 * </pre>
 */
public final class CapabilityTable {
  private static final String NO = "—";
  private final Map<String, Capabilities> columns;

  private CapabilityTable(Map<String, Capabilities> columns) {
    this.columns = columns;
  }

  /** A table without columns. */
  public static CapabilityTable create() {
    return new CapabilityTable(new LinkedHashMap<>());
  }

  /** This table with one more column. */
  public CapabilityTable with(String provider, Capabilities capabilities) {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(capabilities, "capabilities");
    Map<String, Capabilities> more = new LinkedHashMap<>(columns);
    if (more.putIfAbsent(provider, capabilities) != null) {
      throw new IllegalArgumentException("column already present: " + provider);
    }
    return new CapabilityTable(more);
  }

  /** The table, one row a line, ending with a line break. */
  public String markdown() {
    StringBuilder out = new StringBuilder("| capability |");
    columns.keySet().forEach(name -> out.append(' ').append(name).append(" |"));
    out.append("\n|---|").append("---|".repeat(columns.size())).append('\n');
    for (Capability capability : Capability.values()) {
      row(out, "`" + capability + "`", c -> c.supports(capability) ? "yes" : NO);
    }
    row(out, "max object size", c -> size(c.limits().maxObjectSize()));
    row(out, "min part size", c -> c.limits().minPartSize() == 0 ? NO : size(c.limits().minPartSize()));
    row(out, "max part size", c -> c.limits().maxPartSize() == 0 ? NO : size(c.limits().maxPartSize()));
    row(out, "max key length", c -> c.limits().maxKeyLength() + " bytes");
    return out.toString();
  }

  @Override
  public String toString() {
    return markdown();
  }

  private void row(StringBuilder out, String label, Function<Capabilities, String> cell) {
    out.append("| ").append(label).append(" |");
    columns.values().forEach(c -> out.append(' ').append(cell.apply(c)).append(" |"));
    out.append('\n');
  }

  /** A size in the largest binary unit that divides it exactly; {@code Long.MAX_VALUE} is no limit. */
  static String size(long bytes) {
    if (bytes == Long.MAX_VALUE) {
      return "no limit";
    }
    String[] units = {"TiB", "GiB", "MiB", "KiB"};
    for (int i = 0; i < units.length; i++) {
      long unit = 1L << (10 * (units.length - i));
      if (bytes >= unit && bytes % unit == 0) {
        return bytes / unit + " " + units[i];
      }
    }
    return bytes + " bytes";
  }
}
