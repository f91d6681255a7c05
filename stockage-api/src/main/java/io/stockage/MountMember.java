package io.stockage;

import java.util.Objects;

/**
 * A role on a live mount held by a user or a team of an organization.
 *
 * @param mount the live mount
 * @param principal the user or team
 * @param role the role
 */
public record MountMember(String mount, Principal principal, MountRole role) {
  /** Validates. */
  public MountMember {
    Objects.requireNonNull(mount, "mount");
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(role, "role");
  }
}
