package io.stockage;

import java.time.Instant;
import java.util.Objects;

/**
 * A user's membership of a project.
 *
 * @param user the member
 * @param role their role on the project
 * @param joinedAt when they were added
 */
public record ProjectMember(UserId user, ProjectRole role, Instant joinedAt) {
  /** Validates. */
  public ProjectMember {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(joinedAt, "joinedAt");
  }
}
