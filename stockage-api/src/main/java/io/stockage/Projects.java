package io.stockage;

import java.util.List;

/**
 * Projects, their members and the teams holding a role on them ({@link Stockage#projects()}).
 * A project another organization owns, or one the subject cannot see, is
 * {@link ErrorKind#NOT_FOUND}.
 */
public interface Projects {

  /**
   * Creates a project; the subject becomes its {@link ProjectRole#ADMIN}. Needs
   * {@link OrgPermission#CREATE_PROJECT}.
   *
   * @throws StockageException {@code ALREADY_EXISTS} when the slug is taken in the organization
   */
  Project create(Subject subject, NewProject project);

  /** The project with that slug in the subject's organization. Needs {@link Permission#VIEW}. */
  Project get(Subject subject, String slug);

  /**
   * The project with that id (as {@link Item#project()} names it), in the subject's organization.
   * Needs {@link Permission#VIEW} on the project.
   */
  Project get(Subject subject, ProjectId id);

  /**
   * What the subject may do at the project's root (its role there, or its organization
   * permissions): for a UI to show only the actions that will be allowed. Needs
   * {@link Permission#VIEW}.
   */
  java.util.Set<Permission> permissions(Subject subject, String slug);

  /** The projects of the subject's organization the subject can see, by slug. */
  Page<Project> list(Subject subject, PageRequest page);

  /** Adds a member or changes their role. Needs {@link Permission#SHARE} on the project. */
  ProjectMember addMember(Subject subject, String project, UserId user, ProjectRole role);

  /** Removes a member; removing a non-member succeeds. Needs {@link Permission#SHARE}. */
  void removeMember(Subject subject, String project, UserId user);

  /** The members of a project. Needs {@link Permission#VIEW}. */
  List<ProjectMember> members(Subject subject, String project);

  /**
   * Gives a team a role on the project, or changes it: a team with {@link ProjectRole#ADMIN} owns
   * the project, the others are teams it is shared with. Needs {@link Permission#SHARE}.
   */
  ProjectTeam addTeam(Subject subject, String project, TeamId team, ProjectRole role);

  /** Removes a team's role on the project; removing a team without one succeeds. Needs {@link Permission#SHARE}. */
  void removeTeam(Subject subject, String project, TeamId team);

  /** The teams holding a role on the project. Needs {@link Permission#VIEW}. */
  List<ProjectTeam> teams(Subject subject, String project);
}
