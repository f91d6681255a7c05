package io.stockage.examples.bench;

import java.util.List;

/** Aligns rows of cells into a plain-text table: the first columns left-aligned, the rest right-aligned. */
final class TextTable {
  private static final String GAP = "  ";

  private TextTable() {}

  /**
   * The rows, the header first, one line each.
   *
   * @param rows the cells, every row as long as the header
   * @param leftAligned how many leading columns are labels, aligned left
   */
  static String format(List<List<String>> rows, int leftAligned) {
    int[] widths = widths(rows);
    StringBuilder out = new StringBuilder();
    for (List<String> row : rows) {
      out.append(line(row, widths, leftAligned)).append(System.lineSeparator());
    }
    return out.toString();
  }

  private static int[] widths(List<List<String>> rows) {
    int[] widths = new int[rows.get(0).size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    return widths;
  }

  private static String line(List<String> cells, int[] widths, int leftAligned) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String align = i < leftAligned ? "-" : "";
      line.append(i == 0 ? "" : GAP).append(String.format("%" + align + widths[i] + "s", cells.get(i)));
    }
    return line.toString().stripTrailing();
  }
}
