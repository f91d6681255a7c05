package io.stockage.core;

import io.stockage.ErrorKind;
import io.stockage.Item;
import io.stockage.Location;
import io.stockage.OrgPermission;
import io.stockage.Permission;
import io.stockage.Principal;
import io.stockage.ProjectRole;
import io.stockage.ShareLink;
import io.stockage.TeamId;
import io.stockage.Upload;
import io.stockage.UserId;
import io.stockage.core.AccessModel.Node;
import io.stockage.core.AccessModel.Who;
import io.stockage.core.internal.AccessRules;
import io.stockage.testkit.Samples;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The operations of the sequence test. Each step says what the model decides ({@link
 * Step#decide}), how the model's state changes when it is allowed ({@link Step#change}), and runs
 * itself against the engine ({@link Step#run}). Steps name items by their model names, so that a
 * sequence with steps removed (shrinking) still runs: a name that no longer exists is
 * {@code NOT_FOUND} for both.
 */
final class ModelSteps {
  private ModelSteps() {}

  /** One operation by one actor. */
  sealed interface Step permits CreateFolder, UploadFile, Move, Copy, Rename, Grant, Revoke, Member, ProjectTeam,
      TeamMember, CreateLink, RevokeLink, Trash, Restore, Purge {
    String actor();

    Optional<ErrorKind> decide(AccessModel m);

    void change(AccessModel m);

    void run(PermissionSequenceIT.Run r);
  }

  record CreateFolder(String actor, String project, Optional<String> parent, String name) implements Step {
    public Optional<ErrorKind> decide(AccessModel m) {
      return first(m.project(actor, project, Permission.VIEW), () -> m.folder(actor, project, parent, Permission.ADD));
    }

    public void change(AccessModel m) {
      m.nodes.put(name, new Node(name, project, parent, true, false, actor));
    }

    public void run(PermissionSequenceIT.Run r) {
      Item item = r.engine().files().createFolder(r.subject(actor), new Location(r.slug(project), parent.map(r::id)), name);
      r.ids().put(name, item.id());
    }
  }

  record UploadFile(String actor, String project, Optional<String> parent, String name, boolean vault)
      implements Step {
    public Optional<ErrorKind> decide(AccessModel m) {
      return first(m.project(actor, project, Permission.VIEW), () -> m.folder(actor, project, parent, Permission.ADD));
    }

    public void change(AccessModel m) {
      m.nodes.put(name, new Node(name, project, parent, false, vault, actor));
    }

    public void run(PermissionSequenceIT.Run r) {
      Upload upload = Upload.of(new Location(r.slug(project), parent.map(r::id)), name,
          new ByteArrayInputStream(Samples.pdf(name)));
      Item item = r.engine().files().upload(r.subject(actor), vault ? upload.asVault() : upload);
      r.ids().put(name, item.id());
    }
  }

  record Move(String actor, String node, Optional<String> target) implements Step {
    public Optional<ErrorKind> decide(AccessModel m) {
      Optional<ErrorKind> denied = m.liveItem(actor, node, Permission.CHANGE);
      if (denied.isPresent()) {
        return denied;
      }
      Node moved = m.nodes.get(node);
      denied = m.folder(actor, moved.project, target, Permission.ADD);
      if (denied.isPresent()) {
        return denied;
      }
      if (target.isPresent() && moved.folder && (target.get().equals(node)
          || m.below(node).stream().anyMatch(n -> n.name.equals(target.get())))) {
        return Optional.of(ErrorKind.INVALID_ARGUMENT);
      }
      if (m.moveWidens(moved, target)) {
        if (!m.permissions(actor, moved).contains(Permission.SHARE)) {
          return Optional.of(ErrorKind.PERMISSION_DENIED);
        }
        return m.below(actor, node, Permission.SHARE);
      }
      return Optional.empty();
    }

    public void change(AccessModel m) {
      m.nodes.get(node).parent = target;
    }

    public void run(PermissionSequenceIT.Run r) {
      r.engine().files().move(r.subject(actor), r.id(node), new Location(r.projectOf(node), target.map(r::id)));
    }
  }

  record Copy(String actor, String node, Optional<String> target, String name) implements Step {
    public Optional<ErrorKind> decide(AccessModel m) {
      Optional<ErrorKind> denied = m.liveItem(actor, node, Permission.VIEW);
      if (denied.isPresent()) {
        return denied;
      }
      Node source = m.nodes.get(node);
      if (source.folder) {
        return Optional.of(ErrorKind.INVALID_ARGUMENT);
      }
      return m.folder(actor, source.project, target, Permission.ADD);
    }

    public void change(AccessModel m) {
      Node source = m.nodes.get(node);
      m.nodes.put(name, new Node(name, source.project, target, false, source.vault, actor));
    }

    public void run(PermissionSequenceIT.Run r) {
      Item copy = r.engine().files().copy(r.subject(actor), r.id(node), new Location(r.projectOf(node), target.map(r::id)),
          name);
      r.ids().put(name, copy.id());
    }
  }

  record Rename(String actor, String node, String name) implements Step {
    public Optional<ErrorKind> decide(AccessModel m) {
      return m.liveItem(actor, node, Permission.CHANGE);
    }

    public void change(AccessModel m) {}

    public void run(PermissionSequenceIT.Run r) {
      boolean file = r.ids().containsKey(node) && node.endsWith(".pdf");
      r.engine().files().rename(r.subject(actor), r.id(node), name + (file ? ".pdf" : ""));
    }
  }

  record Grant(String actor, String node, Who who, ProjectRole role) implements Step {
    public Optional<ErrorKind> decide(AccessModel m) {
      Optional<ErrorKind> denied = m.liveItem(actor, node, Permission.SHARE);
      if (denied.isPresent()) {
        return denied;
      }
      ProjectRole own = AccessRules.roleOf(m.permissions(actor, m.nodes.get(node))).orElseThrow();
      if (own.compareTo(role) < 0) {
        return Optional.of(ErrorKind.PERMISSION_DENIED);
      }
      return m.below(actor, node, Permission.SHARE);
    }

    public void change(AccessModel m) {
      m.entries.computeIfAbsent(node, k -> new java.util.HashMap<>()).put(who, role);
    }

    public void run(PermissionSequenceIT.Run r) {
      r.engine().access().grant(r.subject(actor), r.id(node), principal(who), role);
    }
  }

  record Revoke(String actor, String node, Who who) implements Step {
    public Optional<ErrorKind> decide(AccessModel m) {
      return m.liveItem(actor, node, Permission.SHARE);
    }

    public void change(AccessModel m) {
      m.entries.getOrDefault(node, new java.util.HashMap<>()).remove(who);
    }

    public void run(PermissionSequenceIT.Run r) {
      r.engine().access().revoke(r.subject(actor), r.id(node), principal(who));
    }
  }

  /** Adds (or changes) a user's project role; an empty role removes the member. */
  record Member(String actor, String project, String user, Optional<ProjectRole> role) implements Step {
    public Optional<ErrorKind> decide(AccessModel m) {
      return m.members(actor, project);
    }

    public void change(AccessModel m) {
      changeMembers(m, project, new Who(false, user), role);
    }

    public void run(PermissionSequenceIT.Run r) {
      if (role.isPresent()) {
        r.engine().projects().addMember(r.subject(actor), r.slug(project), UserId.of(user), role.get());
      } else {
        r.engine().projects().removeMember(r.subject(actor), r.slug(project), UserId.of(user));
      }
    }
  }

  /** Gives (or changes) a team's project role; an empty role removes it. */
  record ProjectTeam(String actor, String project, String team, Optional<ProjectRole> role) implements Step {
    public Optional<ErrorKind> decide(AccessModel m) {
      return m.members(actor, project);
    }

    public void change(AccessModel m) {
      changeMembers(m, project, new Who(true, team), role);
    }

    public void run(PermissionSequenceIT.Run r) {
      if (role.isPresent()) {
        r.engine().projects().addTeam(r.subject(actor), r.slug(project), TeamId.of(team), role.get());
      } else {
        r.engine().projects().removeTeam(r.subject(actor), r.slug(project), TeamId.of(team));
      }
    }
  }

  record TeamMember(String actor, String team, String user, boolean adding) implements Step {
    public Optional<ErrorKind> decide(AccessModel m) {
      return m.teamMembers(actor, team, adding);
    }

    public void change(AccessModel m) {
      if (adding) {
        m.teamMembers.add(List.of(team, user));
      } else {
        m.teamMembers.remove(List.of(team, user));
      }
    }

    public void run(PermissionSequenceIT.Run r) {
      if (adding) {
        r.engine().teams().addMember(r.subject(actor), TeamId.of(team), UserId.of(user));
      } else {
        r.engine().teams().removeMember(r.subject(actor), TeamId.of(team), UserId.of(user));
      }
    }
  }

  record CreateLink(String actor, String node, String link) implements Step {
    public Optional<ErrorKind> decide(AccessModel m) {
      Optional<ErrorKind> denied = m.liveItem(actor, node, Permission.SHARE);
      if (denied.isPresent()) {
        return denied;
      }
      return m.nodes.get(node).folder ? Optional.of(ErrorKind.INVALID_ARGUMENT) : Optional.empty();
    }

    public void change(AccessModel m) {
      m.links.put(link, new AccessModel.Link(node, actor, false));
    }

    public void run(PermissionSequenceIT.Run r) {
      ShareLink created = r.engine().sharing().createLink(r.subject(actor), r.id(node), Duration.ofHours(1));
      r.links().put(link, created);
    }
  }

  record RevokeLink(String actor, String link) implements Step {
    public Optional<ErrorKind> decide(AccessModel m) {
      AccessModel.Link known = m.links.get(link);
      if (known == null) {
        return Optional.of(ErrorKind.NOT_FOUND);
      }
      return m.item(actor, known.node, Permission.SHARE);
    }

    public void change(AccessModel m) {
      m.links.get(link).revoked = true;
    }

    public void run(PermissionSequenceIT.Run r) {
      ShareLink known = r.links().get(link);
      r.engine().sharing().revokeLink(r.subject(actor), known == null ? java.util.UUID.randomUUID() : known.id());
    }
  }

  record Trash(String actor, String node) implements Step {
    public Optional<ErrorKind> decide(AccessModel m) {
      return first(m.liveItem(actor, node, Permission.DELETE), () -> m.below(actor, node, Permission.DELETE));
    }

    public void change(AccessModel m) {
      trash(m, m.nodes.get(node), node);
    }

    private static void trash(AccessModel m, Node at, String root) {
      at.trashedWith = Optional.of(root);
      m.nodes.values().stream().filter(n -> n.parent.equals(Optional.of(at.name)) && !n.trashed()).toList()
          .forEach(n -> trash(m, n, root));
    }

    public void run(PermissionSequenceIT.Run r) {
      r.engine().files().trash(r.subject(actor), r.id(node));
    }
  }

  record Restore(String actor, String node) implements Step {
    public Optional<ErrorKind> decide(AccessModel m) {
      Optional<ErrorKind> denied = m.item(actor, node, Permission.DELETE);
      if (denied.isPresent()) {
        return denied;
      }
      Node item = m.nodes.get(node);
      if (!item.trashed()) {
        return Optional.of(ErrorKind.CONFLICT);
      }
      denied = m.below(actor, node, Permission.DELETE);
      if (denied.isPresent()) {
        return denied;
      }
      boolean parentTrashed = item.parent.map(p -> m.nodes.get(p).trashed()).orElse(false);
      boolean alone = m.nodes.values().stream().noneMatch(n -> n.trashedWith.equals(Optional.of(node)));
      return parentTrashed || alone ? Optional.of(ErrorKind.CONFLICT) : Optional.empty();
    }

    public void change(AccessModel m) {
      m.nodes.values().stream().filter(n -> n.trashedWith.equals(Optional.of(node)))
          .forEach(n -> n.trashedWith = Optional.empty());
    }

    public void run(PermissionSequenceIT.Run r) {
      r.engine().files().restore(r.subject(actor), r.id(node));
    }
  }

  record Purge(String actor, String node) implements Step {
    public Optional<ErrorKind> decide(AccessModel m) {
      Optional<ErrorKind> denied = m.item(actor, node, Permission.DELETE);
      if (denied.isPresent()) {
        return denied;
      }
      if (!m.nodes.get(node).trashed()) {
        return Optional.of(ErrorKind.CONFLICT);
      }
      return m.below(actor, node, Permission.DELETE);
    }

    public void change(AccessModel m) {
      List<String> gone = new ArrayList<>();
      gone.add(node);
      m.below(node).forEach(n -> gone.add(n.name));
      gone.forEach(name -> {
        m.nodes.remove(name);
        m.entries.remove(name);
      });
    }

    public void run(PermissionSequenceIT.Run r) {
      r.engine().files().purge(r.subject(actor), r.id(node));
    }
  }

  private static void changeMembers(AccessModel m, String project, Who who, Optional<ProjectRole> role) {
    if (role.isPresent()) {
      m.members.computeIfAbsent(project, k -> new java.util.HashMap<>()).put(who, role.get());
    } else {
      m.members.getOrDefault(project, new java.util.HashMap<>()).remove(who);
    }
  }

  private static Optional<ErrorKind> first(Optional<ErrorKind> denied,
      java.util.function.Supplier<Optional<ErrorKind>> then) {
    return denied.isPresent() ? denied : then.get();
  }

  private static Principal principal(Who who) {
    return who.team() ? TeamId.of(who.id()) : UserId.of(who.id());
  }

  // ---- generation ----

  /**
   * A random step on the model's current state, by a random actor; biased towards what an
   * escalation needs (grants to oneself, moves under folders with entries, admins joining teams
   * and projects), with some steps that must fail.
   */
  static Step next(Random r, AccessModel m, List<String> actors, int counter) {
    // Organization admins act often: their permissions must not reach vault items.
    List<String> admins = actors.stream()
        .filter(a -> m.org.getOrDefault(a, Set.of()).contains(OrgPermission.ADMIN)).toList();
    String actor = !admins.isEmpty() && r.nextInt(100) < 25 ? pick(r, admins) : pick(r, actors);
    List<Node> all = new ArrayList<>(m.nodes.values());
    List<Node> live = all.stream().filter(n -> !n.trashed()).toList();
    Node node = pick(r, r.nextInt(100) < 85 && !live.isEmpty() ? live : all);
    Optional<String> folder = folderIn(r, m, node.project, f -> true);
    Who who = r.nextInt(100) < 40 ? new Who(false, actor) : r.nextBoolean()
        ? new Who(false, pick(r, PermissionWorld.USERS)) : new Who(true, pick(r, PermissionWorld.TEAMS));
    ProjectRole role = r.nextInt(100) < 50 ? ProjectRole.ADMIN : pick(r, List.of(ProjectRole.values()));
    String project = pick(r, PermissionWorld.PROJECTS);
    String name = "s" + counter;
    int dice = r.nextInt(100);
    if (dice < 8) {
      return new CreateFolder(actor, project, folderIn(r, m, project, f -> true), name);
    } else if (dice < 18) {
      return new UploadFile(actor, project, folderIn(r, m, project, f -> true), name + ".pdf", r.nextInt(3) == 0);
    } else if (dice < 34) {
      // Often what the actor may change but not share, under a folder it owns or with entries.
      List<Node> changeable = live.stream().filter(n -> m.permissions(actor, n).contains(Permission.CHANGE)
          && !m.permissions(actor, n).contains(Permission.SHARE)).toList();
      Node moved = !changeable.isEmpty() && r.nextBoolean() ? pick(r, changeable) : node;
      Optional<String> target = r.nextInt(100) < 70
          ? folderIn(r, m, moved.project, f -> f.owner.equals(actor) || m.entries.containsKey(f.name))
          : folderIn(r, m, moved.project, f -> true);
      return new Move(actor, moved.name, target);
    } else if (dice < 37) {
      return new Copy(actor, node.name, folder, name + ".pdf");
    } else if (dice < 39) {
      return new Rename(actor, node.name, name);
    } else if (dice < 54) {
      // Often on what the actor owns: ownership must not reach what others put below it.
      List<Node> owned = live.stream().filter(n -> n.owner.equals(actor)).toList();
      Node on = !owned.isEmpty() && r.nextInt(100) < 40 ? pick(r, owned) : node;
      return new Grant(actor, on.name, who, role);
    } else if (dice < 58) {
      return new Revoke(actor, node.name, who);
    } else if (dice < 64) {
      String user = r.nextBoolean() ? actor : pick(r, PermissionWorld.USERS);
      return new Member(actor, project, user, r.nextInt(4) == 0 ? Optional.empty() : Optional.of(role));
    } else if (dice < 69) {
      return new ProjectTeam(actor, project, pick(r, PermissionWorld.TEAMS),
          r.nextInt(4) == 0 ? Optional.empty() : Optional.of(role));
    } else if (dice < 76) {
      String user = r.nextBoolean() ? actor : pick(r, PermissionWorld.USERS);
      return new TeamMember(actor, pick(r, PermissionWorld.TEAMS), user, r.nextInt(4) != 0);
    } else if (dice < 82) {
      List<Node> files = live.stream().filter(n -> !n.folder).toList();
      return new CreateLink(actor, files.isEmpty() ? node.name : pick(r, files).name, "link-" + counter);
    } else if (dice < 85) {
      // The links this sequence created (the world's links are only opened).
      List<String> links = m.links.keySet().stream().filter(l -> l.startsWith("link-")).toList();
      return new RevokeLink(actor, links.isEmpty() ? "link-none" : pick(r, links));
    } else if (dice < 91) {
      return new Trash(actor, node.name);
    } else if (dice < 96) {
      List<Node> trashed = all.stream().filter(Node::trashed).toList();
      return new Restore(actor, trashed.isEmpty() ? node.name : pick(r, trashed).name);
    } else {
      List<Node> trashed = all.stream().filter(Node::trashed).toList();
      return new Purge(actor, trashed.isEmpty() ? node.name : pick(r, trashed).name);
    }
  }

  private static Optional<String> folderIn(Random r, AccessModel m, String project, Predicate<Node> which) {
    List<Node> folders = m.nodes.values().stream()
        .filter(n -> n.folder && n.project.equals(project) && !n.trashed() && which.test(n)).toList();
    return folders.isEmpty() || r.nextInt(5) == 0 ? Optional.empty() : Optional.of(pick(r, folders).name);
  }

  static <T> T pick(Random r, List<T> from) {
    return from.get(r.nextInt(from.size()));
  }
}
