package io.stockage.jdbc;

import io.stockage.OrgId;
import io.stockage.TeamId;
import io.stockage.UserId;
import io.stockage.jdbc.internal.JdbcTeamRecords;
import io.stockage.jdbc.internal.Migrations;
import io.stockage.jdbc.internal.Transactions;
import io.stockage.spi.catalog.Directory;
import io.stockage.spi.catalog.ManagedDirectory;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The default directory: teams and their members in the catalog's {@code teams} and
 * {@code team_members} tables, managed with {@link #createTeam}, {@link #addMember} and
 * {@link #removeMember}. These are the host's own, unchecked calls (seeding, an admin console);
 * on a subject's behalf, change members through {@link io.stockage.Teams#addMember}, which
 * authorizes the change. Hosts whose teams live elsewhere (an identity provider's groups)
 * implement {@link Directory} themselves instead. Thread-safe.
 */
public final class JdbcDirectory implements ManagedDirectory {
  private final Transactions transactions;

  JdbcDirectory(Transactions transactions) {
    this.transactions = transactions;
  }

  /**
   * A directory on the host's data source, which it migrates now as {@link JdbcCatalog#create}
   * does (a no-op when the catalog did it already).
   *
   * @throws io.stockage.StockageException {@code UNAVAILABLE} when the database cannot be reached
   */
  public static JdbcDirectory create(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    Migrations.migrate(dataSource);
    return new JdbcDirectory(Transactions.over(dataSource));
  }

  /** The teams of the organization the user is a member of; empty for an unknown user. */
  @Override
  public Set<TeamId> teamsOf(OrgId org, UserId user) {
    Objects.requireNonNull(org, "org");
    Objects.requireNonNull(user, "user");
    return transactions.single(handle -> new JdbcTeamRecords(handle).teamsOf(org, user));
  }

  /**
   * Creates a team in the organization.
   *
   * @throws io.stockage.StockageException {@code ALREADY_EXISTS} when it has one with that id
   */
  public void createTeam(OrgId org, TeamId team, String name) {
    Objects.requireNonNull(org, "org");
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(name, "name");
    transactions.write(handle -> {
      new JdbcTeamRecords(handle).create(org, team, name);
      return null;
    });
  }

  /**
   * Makes the user a member of the team; returns whether they were not one yet.
   *
   * @throws io.stockage.StockageException {@code NOT_FOUND} when the organization has no such team
   */
  @Override
  public boolean addMember(OrgId org, TeamId team, UserId user) {
    Objects.requireNonNull(org, "org");
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(user, "user");
    return transactions.write(handle -> new JdbcTeamRecords(handle).addMember(org, team, user));
  }

  /** Removes the user from the team; returns whether they were a member. */
  @Override
  public boolean removeMember(OrgId org, TeamId team, UserId user) {
    Objects.requireNonNull(org, "org");
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(user, "user");
    return transactions.write(handle -> new JdbcTeamRecords(handle).removeMember(org, team, user));
  }

  /** The organization's teams, by id: each id with its name. */
  public java.util.Map<TeamId, String> teams(OrgId org) {
    Objects.requireNonNull(org, "org");
    return transactions.single(handle -> new JdbcTeamRecords(handle).teams(org));
  }

  /** The members of the organization's team, by user id; empty for an unknown team. */
  public java.util.List<UserId> members(OrgId org, TeamId team) {
    Objects.requireNonNull(org, "org");
    Objects.requireNonNull(team, "team");
    return transactions.single(handle -> new JdbcTeamRecords(handle).members(org, team));
  }
}
