package io.stockage;

/** What an upload does when its folder already has a file of that name. */
public enum OnExistingName {
  /** The upload becomes the next revision of that file (needs {@link Permission#CHANGE} on it). */
  NEW_REVISION,
  /** The upload fails with {@link ErrorKind#ALREADY_EXISTS}. */
  FAIL
}
