package io.stockage;

import java.io.InputStream;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A new file to upload. The stream is read once and closed by Stockage.
 *
 * @param location the project and folder to create it in
 * @param name the file name, validated against the upload policy
 * @param content the bytes
 * @param declaredSize the size the client announced, if any; checked before and while reading
 * @param vault whether the new file is a vault file (see {@link #asVault()})
 */
public record Upload(Location location, String name, InputStream content, OptionalLong declaredSize, boolean vault) {
  /** Validates. */
  public Upload {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(declaredSize, "declaredSize");
  }

  /** An upload to the project's root, with no declared size. */
  public static Upload of(String project, String name, InputStream content) {
    return of(Location.root(project), name, content);
  }

  /** An upload to a location, with no declared size. */
  public static Upload of(Location location, String name, InputStream content) {
    return new Upload(location, name, content, OptionalLong.empty(), false);
  }

  /** This upload, into the given folder of its project. */
  public Upload inFolder(ItemId target) {
    return new Upload(Location.of(location.project(), target), name, content, declaredSize, vault);
  }

  /** This upload, with the size the client announced. */
  public Upload withDeclaredSize(long size) {
    return new Upload(location, name, content, OptionalLong.of(size), vault);
  }

  /**
   * This upload, as a vault file: stored under the organization's vault key namespace, never
   * reachable through organization-wide permissions, only by its owner, the project's members and
   * explicit shares.
   */
  public Upload asVault() {
    return new Upload(location, name, content, declaredSize, true);
  }
}
