package io.stockage.jdbc.internal;

import io.stockage.OrgId;
import io.stockage.TeamId;
import io.stockage.UserId;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/** Teams and their members in {@code teams} and {@code team_members}. */
public final class JdbcTeamRecords {
  private final Handle handle;

  /** Records on the handle. */
  public JdbcTeamRecords(Handle handle) {
    this.handle = Objects.requireNonNull(handle, "handle");
  }

  /** The organization's teams: id and name, by id. */
  public java.util.Map<TeamId, String> teams(OrgId org) {
    java.util.Map<TeamId, String> teams = new java.util.LinkedHashMap<>();
    handle.createQuery("SELECT id, name FROM teams WHERE org_id = :org ORDER BY id COLLATE \"C\"")
        .bind("org", org.value())
        .map((rows, ctx) -> java.util.Map.entry(TeamId.of(rows.getString("id")), rows.getString("name")))
        .forEach(e -> teams.put(e.getKey(), e.getValue()));
    return teams;
  }

  /** The members of the organization's team, by user id. */
  public java.util.List<UserId> members(OrgId org, TeamId team) {
    return handle.createQuery("SELECT user_id FROM team_members WHERE org_id = :org AND team_id = :team"
            + " ORDER BY user_id COLLATE \"C\"")
        .bind("org", org.value())
        .bind("team", team.value())
        .mapTo(String.class)
        .list()
        .stream()
        .map(UserId::of)
        .toList();
  }

  /** The ids of the organization's teams the user is a member of. */
  public Set<TeamId> teamsOf(OrgId org, UserId user) {
    return handle.createQuery("SELECT team_id FROM team_members WHERE org_id = :org AND user_id = :user")
        .bind("org", org.value())
        .bind("user", user.value())
        .mapTo(String.class)
        .list()
        .stream()
        .map(TeamId::of)
        .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * Creates a team, created now.
   *
   * @throws io.stockage.StockageException {@code ALREADY_EXISTS} when the organization has it
   */
  public void create(OrgId org, TeamId team, String name) {
    int inserted = handle.createUpdate("INSERT INTO teams (org_id, id, name, created_at)"
            + " VALUES (:org, :team, :name, now()) ON CONFLICT (org_id, id) DO NOTHING")
        .bind("org", org.value())
        .bind("team", team.value())
        .bind("name", name)
        .execute();
    if (inserted == 0) {
      throw JdbcErrors.teamExists(team.value());
    }
  }

  /**
   * Adds a member; returns whether the user was not one yet.
   *
   * @throws io.stockage.StockageException {@code NOT_FOUND} when there is no such team
   */
  public boolean addMember(OrgId org, TeamId team, UserId user) {
    // The team row is locked (FOR KEY SHARE, as the foreign key would) so it cannot vanish meanwhile.
    boolean exists = handle.createQuery(
            "SELECT EXISTS (SELECT 1 FROM teams WHERE org_id = :org AND id = :team FOR KEY SHARE)")
        .bind("org", org.value())
        .bind("team", team.value())
        .mapTo(Boolean.class)
        .one();
    if (!exists) {
      throw JdbcErrors.notFound("team " + team + " in organization " + org);
    }
    return handle.createUpdate("INSERT INTO team_members (org_id, team_id, user_id) VALUES (:org, :team, :user)"
            + " ON CONFLICT DO NOTHING")
        .bind("org", org.value())
        .bind("team", team.value())
        .bind("user", user.value())
        .execute() > 0;
  }

  /** Removes a member; returns whether the user was one. */
  public boolean removeMember(OrgId org, TeamId team, UserId user) {
    return handle.createUpdate(
            "DELETE FROM team_members WHERE org_id = :org AND team_id = :team AND user_id = :user")
        .bind("org", org.value())
        .bind("team", team.value())
        .bind("user", user.value())
        .execute() > 0;
  }
}
