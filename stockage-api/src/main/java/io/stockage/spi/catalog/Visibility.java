package io.stockage.spi.catalog;

import io.stockage.TeamId;
import io.stockage.UserId;
import java.util.Objects;
import java.util.Set;

/**
 * Which items of a listing a subject may see, for the catalog to filter in its query so that
 * pages stay correct: everything ({@code all}), else the regular (non-vault) items when
 * {@code regular}, the items the user owns, and the items with an access entry for the user or
 * one of the teams. Entries on folders above the listed one are the engine's business: it asks
 * for {@code all} when one applies.
 *
 * @param all every item
 * @param regular every non-vault item
 * @param user the user
 * @param teams the user's teams
 */
public record Visibility(boolean all, boolean regular, UserId user, Set<TeamId> teams) {
  /** Validates and copies. */
  public Visibility {
    Objects.requireNonNull(user, "user");
    teams = Set.copyOf(teams);
  }

  /** Everything is visible to the user. */
  public static Visibility everything(UserId user) {
    return new Visibility(true, true, user, Set.of());
  }
}
