package io.stockage;

/** How search results are ordered. */
public enum SearchSort {
  /** Best match first: {@code ts_rank_cd} with the weights name, then tags and keywords, then text. */
  RELEVANCE,
  /** Most recently changed first. */
  NEWEST,
  /** By name (byte order). */
  NAME
}
