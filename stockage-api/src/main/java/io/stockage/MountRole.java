package io.stockage;

/**
 * A role on a live mount (seed 002): permissions are per mount, never per file inside it.
 *
 * <table>
 *   <caption>What each role may do</caption>
 *   <tr><th>action</th><th>VIEWER</th><th>EDITOR</th><th>MANAGER</th></tr>
 *   <tr><td>list, download</td><td>yes</td><td>yes</td><td>yes</td></tr>
 *   <tr><td>upload, create directory, rename, delete, lock</td><td>—</td><td>yes</td><td>yes</td></tr>
 *   <tr><td>share (grant and revoke roles)</td><td>—</td><td>—</td><td>yes</td></tr>
 * </table>
 */
public enum MountRole {
  /** Lists and downloads. */
  VIEWER,
  /** Also uploads, creates directories, renames, deletes and locks. */
  EDITOR,
  /** Also grants and revokes roles on the mount. */
  MANAGER;

  /** Whether this role is at least {@code other}. */
  public boolean atLeast(MountRole other) {
    return ordinal() >= other.ordinal();
  }

  /** The higher of the two roles. */
  public MountRole max(MountRole other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
