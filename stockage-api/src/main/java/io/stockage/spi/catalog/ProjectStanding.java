package io.stockage.spi.catalog;

import io.stockage.Project;
import java.util.List;
import java.util.Objects;

/**
 * A project, the member rows that give a user a role on it and the storage limits that bear on it,
 * read together (an upload needs all three).
 *
 * @param project the project
 * @param memberships the user's own member row and its teams' ({@link ProjectRecords#memberships})
 * @param limits its organization's limit and its own ({@link QuotaRecords#limits})
 */
public record ProjectStanding(Project project, List<Membership> memberships, QuotaRecords.Limits limits) {
  /** Copies. */
  public ProjectStanding {
    Objects.requireNonNull(project, "project");
    memberships = List.copyOf(memberships);
    Objects.requireNonNull(limits, "limits");
  }
}
