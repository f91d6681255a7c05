package io.stockage;

/**
 * The order of a folder's listing ({@link Files#list(Subject, Location, ListOrder, PageRequest)}):
 * folders always come first, then files, each group in this order. Every order pages by cursor
 * from an index of its own, so a deep page costs what the first costs; a cursor is only valid
 * with the order that gave it.
 */
public enum ListOrder {
  /** By name, in byte order (the default). */
  NAME,
  /** The most recently changed first. */
  NEWEST,
  /** The largest first. */
  LARGEST
}
