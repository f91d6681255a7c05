package io.stockage.spi.catalog;

import io.stockage.OrgId;
import io.stockage.TeamId;
import io.stockage.UserId;
import java.util.Set;

/**
 * Where teams come from: the host's directory (an identity provider's groups, a People service)
 * or the JDBC default with its {@code teams} and {@code team_members} tables.
 */
public interface Directory {

  /** The teams of the organization the user belongs to; empty for an unknown user. */
  Set<TeamId> teamsOf(OrgId org, UserId user);

  /** A directory without teams. */
  static Directory none() {
    return (org, user) -> Set.of();
  }
}
