package io.stockage.spi.catalog;

import io.stockage.MountMember;
import io.stockage.MountRole;
import io.stockage.OrgId;
import io.stockage.Principal;
import io.stockage.TeamId;
import io.stockage.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Roles on live mounts, per organization, for users and teams. */
public interface MountRecords {

  /** The highest role the user holds on the mount in the organization, directly or through a team. */
  Optional<MountRole> role(String mount, OrgId org, UserId user, Set<TeamId> teams);

  /** Grants a role, or changes it. */
  MountMember put(String mount, OrgId org, Principal principal, MountRole role, Instant at);

  /** Revokes a role; returns whether there was one. */
  boolean remove(String mount, OrgId org, Principal principal);

  /** The roles on the mount in the organization, users then teams, by id. */
  List<MountMember> members(String mount, OrgId org);
}
