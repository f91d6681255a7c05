package io.stockage.core;

import io.stockage.ErrorKind;
import io.stockage.OrgPermission;
import io.stockage.Permission;
import io.stockage.ProjectRole;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The reference model of the sequence test: the state a sequence of operations builds (items,
 * member rows, access entries, team members, share links) and the rules of DESIGN §4, written
 * apart from the engine's code. {@link #apply} says what the engine must answer to a step — done,
 * or the error kind — and, when done, changes the state as the engine must.
 */
final class AccessModel {
  /** A managed item; {@code trashedWith} names the root it went to the trash with. */
  static final class Node {
    final String name;
    final String project;
    final boolean folder;
    final boolean vault;
    final String owner;
    Optional<String> parent;
    Optional<String> trashedWith = Optional.empty();

    Node(String name, String project, Optional<String> parent, boolean folder, boolean vault, String owner) {
      this.name = name;
      this.project = project;
      this.parent = parent;
      this.folder = folder;
      this.vault = vault;
      this.owner = owner;
    }

    boolean trashed() {
      return trashedWith.isPresent();
    }

    @Override
    public String toString() {
      return name + (vault ? "[vault]" : "") + "@" + parent.orElse(project) + " by " + owner
          + trashedWith.map(t -> " trashed with " + t).orElse("");
    }
  }

  /** A user or a team, as entries and member rows name them. */
  record Who(boolean team, String id) {
    @Override
    public String toString() {
      return (team ? "team:" : "user:") + id;
    }
  }

  /** A share link: who created it, on which file, and whether it was revoked. */
  static final class Link {
    final String node;
    final String creator;
    boolean revoked;

    Link(String node, String creator, boolean revoked) {
      this.node = node;
      this.creator = creator;
      this.revoked = revoked;
    }
  }

  final Map<String, Node> nodes = new LinkedHashMap<>();
  final Map<String, Map<Who, ProjectRole>> members = new HashMap<>();
  final Map<String, Map<Who, ProjectRole>> entries = new HashMap<>();
  final Set<List<String>> teamMembers = new HashSet<>();
  final Map<String, Set<OrgPermission>> org = new HashMap<>();
  final Map<String, Link> links = new LinkedHashMap<>();

  /** The user's teams now. */
  Set<String> teamsOf(String user) {
    Set<String> teams = new HashSet<>();
    teamMembers.stream().filter(m -> m.get(1).equals(user)).forEach(m -> teams.add(m.get(0)));
    return teams;
  }

  /** What organization permissions give on a regular item (everything for an admin). */
  Set<Permission> organization(String user) {
    Set<OrgPermission> held = org.getOrDefault(user, Set.of());
    if (held.contains(OrgPermission.ADMIN)) {
      return EnumSet.allOf(Permission.class);
    }
    Set<Permission> granted = EnumSet.noneOf(Permission.class);
    held.forEach(p -> {
      switch (p) {
        case VIEW -> granted.add(Permission.VIEW);
        case ADD -> granted.add(Permission.ADD);
        case CHANGE -> granted.add(Permission.CHANGE);
        case DELETE -> granted.add(Permission.DELETE);
        default -> { }
      }
    });
    return granted;
  }

  private boolean names(Who who, String user, Set<String> teams) {
    return who.team() ? teams.contains(who.id()) : who.id().equals(user);
  }

  /** The permissions the user's member rows give on the project (its teams as given). */
  Set<Permission> membership(String user, Set<String> teams, String project) {
    Set<Permission> granted = EnumSet.noneOf(Permission.class);
    members.getOrDefault(project, Map.of()).forEach((who, role) -> {
      if (names(who, user, teams)) {
        granted.addAll(role.permissions());
      }
    });
    return granted;
  }

  /** The project's permissions: member rows and organization permissions (vault or not). */
  Set<Permission> onProject(String user, String project) {
    Set<Permission> granted = membership(user, teamsOf(user), project);
    granted.addAll(organization(user));
    return granted;
  }

  /** The effective permissions (empty without VIEW), with the user's teams as given. */
  Set<Permission> permissions(String user, Set<String> teams, Node node) {
    Set<Permission> granted = membership(user, teams, node.project);
    if (!node.vault) {
      granted.addAll(organization(user));
    }
    for (Optional<String> at = Optional.of(node.name); at.isPresent(); at = nodes.get(at.get()).parent) {
      entries.getOrDefault(at.get(), Map.of()).forEach((who, role) -> {
        if (names(who, user, teams)) {
          granted.addAll(role.permissions());
        }
      });
    }
    if (node.owner.equals(user)) {
      granted.addAll(ProjectRole.ADMIN.permissions());
    }
    return granted.contains(Permission.VIEW) ? granted : Set.of();
  }

  Set<Permission> permissions(String user, Node node) {
    return permissions(user, teamsOf(user), node);
  }

  /** The items below a node, live or trashed. */
  List<Node> below(String name) {
    List<Node> found = new ArrayList<>();
    for (Node n : nodes.values()) {
      for (Optional<String> at = n.parent; at.isPresent(); at = nodes.get(at.get()).parent) {
        if (at.get().equals(name)) {
          found.add(n);
          break;
        }
      }
    }
    return found;
  }

  // ---- the decisions the engine must take; each returns the error kind, or empty when allowed ----

  /** Lookups of an item: NOT_FOUND without VIEW, PERMISSION_DENIED without the permission. */
  Optional<ErrorKind> item(String user, String name, Permission needed) {
    Node node = nodes.get(name);
    if (node == null) {
      return Optional.of(ErrorKind.NOT_FOUND);
    }
    Set<Permission> held = permissions(user, node);
    if (!held.contains(Permission.VIEW)) {
      return Optional.of(ErrorKind.NOT_FOUND);
    }
    return held.contains(needed) ? Optional.empty() : Optional.of(ErrorKind.PERMISSION_DENIED);
  }

  /** The same for a live item: a trashed one is NOT_FOUND (after the permission check). */
  Optional<ErrorKind> liveItem(String user, String name, Permission needed) {
    Optional<ErrorKind> denied = item(user, name, needed);
    if (denied.isPresent()) {
      return denied;
    }
    return nodes.get(name).trashed() ? Optional.of(ErrorKind.NOT_FOUND) : Optional.empty();
  }

  /** A project with the permission (member rows and organization permissions). */
  Optional<ErrorKind> project(String user, String project, Permission needed) {
    Set<Permission> held = onProject(user, project);
    if (!held.contains(Permission.VIEW)) {
      return Optional.of(ErrorKind.NOT_FOUND);
    }
    return held.contains(needed) ? Optional.empty() : Optional.of(ErrorKind.PERMISSION_DENIED);
  }

  /** A target folder of the project (empty: its root) with the permission. */
  Optional<ErrorKind> folder(String user, String project, Optional<String> folder, Permission needed) {
    if (folder.isEmpty()) {
      return project(user, project, needed);
    }
    Optional<ErrorKind> denied = liveItem(user, folder.get(), needed);
    if (denied.isPresent()) {
      return denied;
    }
    Node target = nodes.get(folder.get());
    return target.folder && target.project.equals(project) ? Optional.empty()
        : Optional.of(ErrorKind.INVALID_ARGUMENT);
  }

  /**
   * The permission on every item below a folder too: what a project role or an entry on the
   * folder's path gives applies below; organization permissions stop at vault items; ownership
   * covers the owned item only — which is what {@link #permissions} says of each item below.
   */
  Optional<ErrorKind> below(String user, String name, Permission needed) {
    Node node = nodes.get(name);
    if (!node.folder) {
      return Optional.empty();
    }
    boolean refused = below(name).stream().anyMatch(n -> !permissions(user, n).contains(needed));
    return refused ? Optional.of(ErrorKind.PERMISSION_DENIED) : Optional.empty();
  }

  /** Whether moving the node under the target gives some principal a higher entry role than it has now. */
  boolean moveWidens(Node node, Optional<String> target) {
    if (target.isEmpty() || target.equals(node.parent)) {
      return false;
    }
    Map<Who, ProjectRole> before = path(node.parent);
    Map<Who, ProjectRole> after = path(target);
    return after.entrySet().stream().anyMatch(e -> {
      ProjectRole held = before.get(e.getKey());
      return held == null || held.compareTo(e.getValue()) < 0;
    });
  }

  private Map<Who, ProjectRole> path(Optional<String> from) {
    Map<Who, ProjectRole> roles = new HashMap<>();
    for (Optional<String> at = from; at.isPresent(); at = nodes.get(at.get()).parent) {
      entries.getOrDefault(at.get(), Map.of()).forEach((who, role) -> roles.merge(who, role, ProjectRole::max));
    }
    return roles;
  }

  /** Project member changes: SHARE on the project; a project with vault items needs it as a member. */
  Optional<ErrorKind> members(String user, String project) {
    Optional<ErrorKind> denied = project(user, project, Permission.SHARE);
    if (denied.isPresent()) {
      return denied;
    }
    boolean holdsVault = nodes.values().stream().anyMatch(n -> n.project.equals(project) && n.vault);
    boolean asMember = membership(user, teamsOf(user), project).contains(Permission.SHARE);
    return holdsVault && !asMember ? Optional.of(ErrorKind.PERMISSION_DENIED) : Optional.empty();
  }

  /** Team member changes: an organization admin; adding needs SHARE on every vault item the team reaches. */
  Optional<ErrorKind> teamMembers(String actor, String team, boolean adding) {
    if (!org.getOrDefault(actor, Set.of()).contains(OrgPermission.ADMIN)) {
      return Optional.of(ErrorKind.PERMISSION_DENIED);
    }
    if (!adding) {
      return Optional.empty();
    }
    Who who = new Who(true, team);
    for (Node n : nodes.values()) {
      boolean reached = members.getOrDefault(n.project, Map.of()).containsKey(who) || path(Optional.of(n.name))
          .containsKey(who);
      if (n.vault && reached && !permissions(actor, n).contains(Permission.SHARE)) {
        return Optional.of(ErrorKind.PERMISSION_DENIED);
      }
    }
    return Optional.empty();
  }

  /** Whether a share link opens: not revoked, its file live, and its creator still holding SHARE on it. */
  boolean opens(Link link) {
    Node node = nodes.get(link.node);
    return !link.revoked && node != null && !node.trashed()
        && permissions(link.creator, node).contains(Permission.SHARE);
  }
}
