package io.stockage;

import java.util.Objects;
import java.util.Optional;

/**
 * Where in a project: its root or one of its folders.
 *
 * @param project slug of the project
 * @param folder the folder; empty for the project's root
 */
public record Location(String project, Optional<ItemId> folder) {
  /** Validates. */
  public Location {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(folder, "folder");
  }

  /** The root of a project. */
  public static Location root(String project) {
    return new Location(project, Optional.empty());
  }

  /** A folder of a project. */
  public static Location of(String project, ItemId folder) {
    return new Location(project, Optional.of(folder));
  }
}
