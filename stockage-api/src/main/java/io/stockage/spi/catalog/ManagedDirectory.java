package io.stockage.spi.catalog;

import io.stockage.OrgId;
import io.stockage.TeamId;
import io.stockage.UserId;

/**
 * A directory whose team members Stockage may change on a subject's behalf (the JDBC default).
 * The engine authorizes each change ({@link io.stockage.Teams#addMember}); a host whose
 * teams live in an identity provider implements {@link Directory} only, and changes them there.
 */
public interface ManagedDirectory extends Directory {

  /**
   * Makes the user a member of the team; returns whether they were not one yet.
   *
   * @throws io.stockage.StockageException {@code NOT_FOUND} when the organization has no such team
   */
  boolean addMember(OrgId org, TeamId team, UserId user);

  /** Removes the user from the team; returns whether they were a member. */
  boolean removeMember(OrgId org, TeamId team, UserId user);
}
