package io.stockage.core;

import io.stockage.Item;
import io.stockage.ItemId;
import io.stockage.Location;
import io.stockage.NewProject;
import io.stockage.OrgPermission;
import io.stockage.Permission;
import io.stockage.Principal;
import io.stockage.ProjectRole;
import io.stockage.Subject;
import io.stockage.TeamId;
import io.stockage.Upload;
import io.stockage.UserId;
import io.stockage.jdbc.JdbcDirectory;
import io.stockage.testkit.Samples;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A generated world for the permission model test: two projects with folders and files (some of
 * them vault files) owned by various users, and a list of access facts — team memberships,
 * project roles of users and teams, access entries on items, organization permissions. It builds
 * itself into an engine through the public API, and answers what the rules of DESIGN §4 say, by
 * a reference model written apart from the engine's code.
 */
final class PermissionWorld {
  static final String FOUNDER = "founder";
  static final List<String> USERS = List.of("u0", "u1", "u2", "u3", "u4");
  static final List<String> TEAMS = List.of("t0", "t1", "t2");
  static final List<String> PROJECTS = List.of("p0", "p1");

  /** One access fact; removing any of them leaves a valid world, which is what shrinking does. */
  sealed interface Fact permits TeamMember, Member, Entry, OrgGrant, Link {}

  record TeamMember(String team, String user) implements Fact {}

  record Member(String project, boolean team, String principal, ProjectRole role) implements Fact {}

  record Entry(String node, boolean team, String principal, ProjectRole role) implements Fact {}

  record OrgGrant(String user, OrgPermission permission) implements Fact {}

  /** A share link the founder created on a file, and perhaps revoked: it never changes anyone's permissions. */
  record Link(String node, boolean revoked) implements Fact {}

  /** A folder or file: its name is unique in the world. */
  record Node(String name, String project, Optional<String> parent, boolean folder, boolean vault, String owner) {}

  final List<Node> nodes;
  final List<Fact> facts;

  PermissionWorld(List<Node> nodes, List<Fact> facts) {
    this.nodes = List.copyOf(nodes);
    this.facts = List.copyOf(facts);
  }

  /** A random world. */
  static PermissionWorld generate(Random r) {
    List<Node> nodes = new ArrayList<>();
    List<String> owners = new ArrayList<>(USERS);
    owners.add(FOUNDER);
    for (String p : PROJECTS) {
      nodes.add(new Node(p + "-f0", p, Optional.empty(), true, false, pick(r, owners)));
      nodes.add(new Node(p + "-f1", p, Optional.of(p + "-f0"), true, false, pick(r, owners)));
      nodes.add(new Node(p + "-a.pdf", p, Optional.empty(), false, r.nextInt(4) == 0, pick(r, owners)));
      nodes.add(new Node(p + "-b.pdf", p, Optional.of(p + "-f0"), false, r.nextInt(4) == 0, pick(r, owners)));
      nodes.add(new Node(p + "-c.pdf", p, Optional.of(p + "-f1"), false, r.nextInt(3) == 0, pick(r, owners)));
      nodes.add(new Node(p + "-d.pdf", p, Optional.of(p + "-f1"), false, r.nextInt(2) == 0, pick(r, owners)));
    }
    List<Fact> facts = new ArrayList<>();
    for (String t : TEAMS) {
      USERS.stream().filter(u -> r.nextInt(10) < 3).forEach(u -> facts.add(new TeamMember(t, u)));
    }
    for (String p : PROJECTS) {
      for (int i = r.nextInt(4); i > 0; i--) {
        boolean team = r.nextBoolean();
        facts.add(new Member(p, team, pick(r, team ? TEAMS : USERS), pick(r, List.of(ProjectRole.values()))));
      }
    }
    for (int i = r.nextInt(9); i > 0; i--) {
      boolean team = r.nextBoolean();
      facts.add(new Entry(pick(r, nodes).name(), team, pick(r, team ? TEAMS : USERS),
          pick(r, List.of(ProjectRole.values()))));
    }
    List<Node> files = nodes.stream().filter(n -> !n.folder()).toList();
    for (int i = r.nextInt(4); i > 0; i--) {
      facts.add(new Link(pick(r, files).name(), r.nextInt(10) < 3));
    }
    for (String u : USERS) {
      for (OrgPermission p : List.of(OrgPermission.VIEW, OrgPermission.ADD, OrgPermission.CHANGE, OrgPermission.DELETE)) {
        if (r.nextInt(100) < 15) {
          facts.add(new OrgGrant(u, p));
        }
      }
      if (r.nextInt(100) < 5) {
        facts.add(new OrgGrant(u, OrgPermission.ADMIN));
      }
    }
    // The same member row twice would be one row with the last role: keep the first only.
    Set<String> seen = new LinkedHashSet<>();
    facts.removeIf(f -> f instanceof Member m && !seen.add("m" + m.project() + m.team() + m.principal())
        || f instanceof Entry e && !seen.add("e" + e.node() + e.team() + e.principal()));
    return new PermissionWorld(nodes, facts);
  }

  /** The same structure with fewer facts. */
  PermissionWorld without(Fact fact) {
    List<Fact> fewer = new ArrayList<>(facts);
    fewer.remove(fact);
    return new PermissionWorld(nodes, fewer);
  }

  /** The subject a user acts as in the organization, with the organization permissions of the facts. */
  Subject subject(String org, String user) {
    Set<OrgPermission> perms = EnumSet.noneOf(OrgPermission.class);
    if (user.equals(FOUNDER)) {
      perms.add(OrgPermission.CREATE_PROJECT);
    }
    facts.stream().filter(f -> f instanceof OrgGrant g && g.user().equals(user))
        .forEach(f -> perms.add(((OrgGrant) f).permission()));
    return new Subject(io.stockage.OrgId.of(org), UserId.of(user), perms);
  }

  Node node(String name) {
    return nodes.stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
  }

  /** The reference model: the permissions the user holds on the node (empty without VIEW). */
  Set<Permission> expected(String user, Node node) {
    Set<Permission> granted = EnumSet.noneOf(Permission.class);
    Set<String> teams = facts.stream().filter(f -> f instanceof TeamMember m && m.user().equals(user))
        .map(f -> ((TeamMember) f).team()).collect(Collectors.toSet());
    Set<OrgPermission> org = subject("any", user).permissions();
    if (!node.vault()) {
      if (org.contains(OrgPermission.ADMIN)) {
        granted.addAll(EnumSet.allOf(Permission.class));
      }
      for (OrgPermission p : org) {
        switch (p) {
          case VIEW -> granted.add(Permission.VIEW);
          case ADD -> granted.add(Permission.ADD);
          case CHANGE -> granted.add(Permission.CHANGE);
          case DELETE -> granted.add(Permission.DELETE);
          default -> { }
        }
      }
    }
    if (user.equals(FOUNDER)) {
      granted.addAll(ProjectRole.ADMIN.permissions());
    }
    for (Fact f : facts) {
      if (f instanceof Member m && m.project().equals(node.project()) && names(m.team(), m.principal(), user, teams)) {
        granted.addAll(m.role().permissions());
      }
    }
    for (Node at = node; ; at = node(at.parent().get())) {
      for (Fact f : facts) {
        if (f instanceof Entry e && e.node().equals(at.name()) && names(e.team(), e.principal(), user, teams)) {
          granted.addAll(e.role().permissions());
        }
      }
      if (at.parent().isEmpty()) {
        break;
      }
    }
    if (node.owner().equals(user)) {
      granted.addAll(ProjectRole.ADMIN.permissions());
    }
    return granted.contains(Permission.VIEW) ? granted : Set.of();
  }

  private static boolean names(boolean team, String principal, String user, Set<String> teams) {
    return team ? teams.contains(principal) : principal.equals(user);
  }

  /**
   * Builds the world in a fresh organization; returns the ids of its nodes by name, and puts the
   * token of each share link into {@code tokens}.
   */
  Map<String, ItemId> build(StockageEngine engine, JdbcDirectory directory, String org, Map<Link, String> tokens) {
    io.stockage.OrgId orgId = io.stockage.OrgId.of(org);
    for (String t : TEAMS) {
      directory.createTeam(orgId, TeamId.of(t), "Team " + t);
    }
    facts.stream().filter(f -> f instanceof TeamMember).map(f -> (TeamMember) f)
        .forEach(m -> directory.addMember(orgId, TeamId.of(m.team()), UserId.of(m.user())));
    Subject founder = subject(org, FOUNDER);
    Map<String, String> slugs = new HashMap<>();
    for (String p : PROJECTS) {
      slugs.put(p, org.toLowerCase(java.util.Locale.ROOT) + "-" + p);
      engine.projects().create(founder, NewProject.of(slugs.get(p), "Project " + p));
    }
    Map<String, ItemId> ids = new HashMap<>();
    Set<String> helpers = new LinkedHashSet<>();
    for (Node n : nodes) {
      String slug = slugs.get(n.project());
      // Owners create their items: as EDITORs for the time of the building, unless the founder.
      Subject owner = new Subject(orgId, UserId.of(n.owner()), Set.of());
      if (!n.owner().equals(FOUNDER) && helpers.add(slug + "/" + n.owner())) {
        engine.projects().addMember(founder, slug, owner.user(), ProjectRole.EDITOR);
      }
      Optional<ItemId> parent = n.parent().map(ids::get);
      Item item = n.folder()
          ? engine.files().createFolder(owner, new Location(slug, parent), n.name())
          : engine.files().upload(owner, vault(Upload.of(new Location(slug, parent), n.name(),
              new ByteArrayInputStream(Samples.pdf(n.name()))), n.vault()));
      ids.put(n.name(), item.id());
    }
    for (String helper : helpers) {
      String[] parts = helper.split("/");
      engine.projects().removeMember(founder, parts[0], UserId.of(parts[1]));
    }
    for (Fact f : facts) {
      if (f instanceof Member m) {
        if (m.team()) {
          engine.projects().addTeam(founder, slugs.get(m.project()), TeamId.of(m.principal()), m.role());
        } else {
          engine.projects().addMember(founder, slugs.get(m.project()), UserId.of(m.principal()), m.role());
        }
      } else if (f instanceof Entry e) {
        Principal p = e.team() ? TeamId.of(e.principal()) : UserId.of(e.principal());
        engine.access().grant(founder, ids.get(e.node()), p, e.role());
      } else if (f instanceof Link l) {
        io.stockage.ShareLink link = engine.sharing().createLink(founder, ids.get(l.node()), java.time.Duration.ofHours(1));
        if (l.revoked()) {
          engine.sharing().revokeLink(founder, link.id());
        }
        tokens.put(l, link.token());
      }
    }
    return ids;
  }

  private static Upload vault(Upload upload, boolean vault) {
    return vault ? upload.asVault() : upload;
  }

  private static <T> T pick(Random r, List<T> from) {
    return from.get(r.nextInt(from.size()));
  }
}
