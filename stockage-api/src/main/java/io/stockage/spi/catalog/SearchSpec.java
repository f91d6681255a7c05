package io.stockage.spi.catalog;

import io.stockage.ItemId;
import io.stockage.OrgId;
import io.stockage.ProjectId;
import io.stockage.SearchQuery;
import io.stockage.TeamId;
import io.stockage.UserId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A search as the catalog runs it: the query, and who asks.
 *
 * @param org the subject's organization; nothing else is searched
 * @param user the subject
 * @param teams the subject's teams
 * @param regular whether organization permissions let the subject view every regular (not vault)
 *     item of the organization
 * @param query the query
 * @param project the project filter, resolved
 * @param folder the folder filter, resolved (its subtree)
 */
public record SearchSpec(OrgId org, UserId user, Set<TeamId> teams, boolean regular, SearchQuery query,
    Optional<ProjectId> project, Optional<ItemId> folder) {
  /** Validates and copies. */
  public SearchSpec {
    Objects.requireNonNull(org, "org");
    Objects.requireNonNull(user, "user");
    teams = Set.copyOf(teams);
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(folder, "folder");
  }
}
