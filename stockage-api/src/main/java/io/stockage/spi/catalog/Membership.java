package io.stockage.spi.catalog;

import io.stockage.Principal;
import io.stockage.ProjectRole;
import java.util.Objects;

/**
 * A role a user holds on a project, directly or through a team.
 *
 * @param principal the member row's user or team
 * @param role its role
 */
public record Membership(Principal principal, ProjectRole role) {
  /** Validates. */
  public Membership {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(role, "role");
  }
}
