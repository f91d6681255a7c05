package io.stockage;

import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A new file to upload. The stream is read once and closed by Stockage.
 *
 * @param project slug of the target project
 * @param folder the folder to create it in; empty for the project's root
 * @param name the file name, validated against the upload policy
 * @param content the bytes
 * @param declaredSize the size the client announced, if any; checked before and while reading
 * @param vault whether the new file is a vault file (see {@link #asVault()})
 */
public record Upload(
    String project, Optional<ItemId> folder, String name, InputStream content, OptionalLong declaredSize,
    boolean vault) {
  /** Validates. */
  public Upload {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(folder, "folder");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(declaredSize, "declaredSize");
  }

  /** An upload to the project's root, with no declared size. */
  public static Upload of(String project, String name, InputStream content) {
    return new Upload(project, Optional.empty(), name, content, OptionalLong.empty(), false);
  }

  /** This upload, into the given folder. */
  public Upload inFolder(ItemId target) {
    return new Upload(project, Optional.of(target), name, content, declaredSize, vault);
  }

  /** This upload, with the size the client announced. */
  public Upload withDeclaredSize(long size) {
    return new Upload(project, folder, name, content, OptionalLong.of(size), vault);
  }

  /**
   * This upload, as a vault file: stored under the organization's vault key namespace, never
   * reachable through organization-wide permissions, only by its owner, the project's members and
   * explicit shares.
   */
  public Upload asVault() {
    return new Upload(project, folder, name, content, declaredSize, true);
  }
}
