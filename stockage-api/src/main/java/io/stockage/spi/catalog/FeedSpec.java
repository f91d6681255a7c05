package io.stockage.spi.catalog;

import io.stockage.OrgId;
import io.stockage.ProjectId;
import io.stockage.TeamId;
import io.stockage.UserId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who reads the change feed, for the catalog to filter by permission in its query (the rules of
 * {@link Visibility} applied to the items the changes name, as they are now; a role on a live
 * mount for its changes).
 *
 * @param org the reader's organization; nothing else is read
 * @param user the reader
 * @param teams the reader's teams
 * @param regular whether organization permissions let the reader view every regular (not vault) item
 * @param admin whether the reader is an organization admin (a manager of its live mounts)
 * @param project the one project read, if narrowed (then no live mount's changes)
 */
public record FeedSpec(OrgId org, UserId user, Set<TeamId> teams, boolean regular, boolean admin,
    Optional<ProjectId> project) {
  /** Validates and copies. */
  public FeedSpec {
    Objects.requireNonNull(org, "org");
    Objects.requireNonNull(user, "user");
    teams = Set.copyOf(teams);
    Objects.requireNonNull(project, "project");
  }
}
