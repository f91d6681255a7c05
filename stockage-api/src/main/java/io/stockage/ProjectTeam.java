package io.stockage;

import java.time.Instant;
import java.util.Objects;

/**
 * A team holding a role on a project: every member of the team has that role. A team with
 * {@link ProjectRole#ADMIN} owns the project; others are teams the project is shared with.
 *
 * @param team the team
 * @param role its role
 * @param joinedAt when it was added
 */
public record ProjectTeam(TeamId team, ProjectRole role, Instant joinedAt) {
  /** Validates. */
  public ProjectTeam {
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(joinedAt, "joinedAt");
  }
}
