package io.stockage.spi.catalog;

import io.stockage.OrgId;
import io.stockage.Page;
import io.stockage.PageRequest;
import io.stockage.Project;
import io.stockage.ProjectId;
import io.stockage.ProjectMember;
import io.stockage.ProjectRole;
import io.stockage.ProjectTeam;
import io.stockage.TeamId;
import io.stockage.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Organizations, projects and memberships. */
public interface ProjectRecords {

  /** Records the organization if it is not known yet. */
  void ensureOrganization(OrgId org, Instant at);

  /**
   * Inserts a project.
   *
   * @throws io.stockage.StockageException {@code ALREADY_EXISTS} when the slug is taken
   */
  void insert(Project project);

  /** The project of that slug in the organization. */
  Optional<Project> find(OrgId org, String slug);

  /** The project with that id. */
  Optional<Project> find(ProjectId id);

  /**
   * The project of that slug in the organization with the user's {@link #memberships} in it and the
   * {@linkplain QuotaRecords#limits limits} that bear on it: what every upload reads first, so one
   * read where the catalog can make it one.
   */
  Optional<ProjectStanding> findWithMemberships(OrgId org, String slug, UserId user, Set<TeamId> teams);

  /**
   * The organization's projects, by slug: all of them when {@code all}, else those where the user
   * or one of the teams is a member.
   */
  Page<Project> list(OrgId org, UserId user, Set<TeamId> teams, boolean all, PageRequest page);

  /** The member rows that give the user a role on the project: the user's own and the teams'. */
  List<Membership> memberships(ProjectId project, UserId user, Set<TeamId> teams);

  /** The highest role the user holds on the project, directly or through one of the teams. */
  default Optional<ProjectRole> role(ProjectId project, UserId user, Set<TeamId> teams) {
    return memberships(project, user, teams).stream().map(Membership::role).reduce(ProjectRole::max);
  }

  /** Adds a user as member, or changes their role. */
  ProjectMember putMember(ProjectId project, UserId user, ProjectRole role, Instant at);

  /** Removes a user's membership; returns whether there was one. */
  boolean removeMember(ProjectId project, UserId user);

  /** The project's user members, by user id. */
  List<ProjectMember> members(ProjectId project);

  /** Gives a team a role on the project, or changes it. */
  ProjectTeam putTeam(ProjectId project, TeamId team, ProjectRole role, Instant at);

  /** Removes a team's role on the project; returns whether it had one. */
  boolean removeTeam(ProjectId project, TeamId team);

  /** The teams holding a role on the project, by team id. */
  List<ProjectTeam> teams(ProjectId project);
}
