package io.stockage.spi.catalog;

import io.stockage.Project;
import java.util.List;
import java.util.Objects;

/**
 * A project and the member rows that give a user a role on it, read together.
 *
 * @param project the project
 * @param memberships the user's own member row and its teams' ({@link ProjectRecords#memberships})
 */
public record ProjectStanding(Project project, List<Membership> memberships) {
  /** Copies. */
  public ProjectStanding {
    Objects.requireNonNull(project, "project");
    memberships = List.copyOf(memberships);
  }
}
