package io.stockage.core.internal;

/** Checks on user text the catalog stores as {@code text} or inside {@code jsonb}. */
final class Texts {
  private Texts() {}

  /**
   * Whether PostgreSQL can store the text as it is: no NUL (refused in {@code text}, SQLState
   * 22021, and escaped in {@code jsonb}, 22P05) and no unpaired surrogate (it has no UTF-8 form,
   * and the driver silently sends {@code ?} in its place).
   */
  static boolean storable(String text) {
    return text.codePoints().noneMatch(c -> c == 0 || Character.getType(c) == Character.SURROGATE);
  }

  /** The number of characters (code points). */
  static int length(String text) {
    return text.codePointCount(0, text.length());
  }
}
