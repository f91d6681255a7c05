package io.stockage;

/**
 * The members of the organization's teams, when the directory is Stockage's own
 * ({@link Stockage#teams()}); a host directory keeps its teams itself.
 */
public interface Teams {

  /**
   * Makes a user a member of one of the organization's teams; returns whether they were not one
   * yet. Needs {@link OrgPermission#ADMIN}, and, when the team reaches vault items (through a
   * project role or an access entry), {@link Permission#SHARE} on each of them by other means
   * than organization permissions, which never reach a vault item.
   *
   * @throws StockageException {@code UNSUPPORTED} when the directory is the host's (not a
   *     {@code io.stockage.spi.catalog.ManagedDirectory}), {@code NOT_FOUND} for an unknown team
   */
  boolean addMember(Subject subject, TeamId team, UserId user);

  /** Removes a user from a team; returns whether they were a member. Needs {@link OrgPermission#ADMIN}. */
  boolean removeMember(Subject subject, TeamId team, UserId user);
}
