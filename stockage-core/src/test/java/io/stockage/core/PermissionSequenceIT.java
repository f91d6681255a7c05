package io.stockage.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.Content;
import io.stockage.ErrorKind;
import io.stockage.ItemId;
import io.stockage.Mount;
import io.stockage.OrgPermission;
import io.stockage.PageRequest;
import io.stockage.Permission;
import io.stockage.ProjectRole;
import io.stockage.ShareLink;
import io.stockage.StockageException;
import io.stockage.Subject;
import io.stockage.core.AccessModel.Who;
import io.stockage.core.ModelSteps.Step;
import io.stockage.core.fs.FileSystemProvider;
import io.stockage.jdbc.JdbcCatalog;
import io.stockage.jdbc.JdbcDirectory;
import io.stockage.testkit.PostgresFixture;
import io.stockage.testkit.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model-based test of the access rules over sequences of operations: what a subject can
 * <em>reach</em> step by step through its own permitted operations, not only what a static world
 * grants. A random world ({@link PermissionWorld}) is built, then random steps by random actors
 * ({@link ModelSteps}) run against the engine and the reference model ({@link AccessModel}).
 * After each step, first the invariant of DESIGN §4 is checked on what the engine answers — no
 * one's permissions on an item that existed grow unless the actor held {@code SHARE} on it (for a
 * vault item, organization permissions never give it) — then the engine's outcome and every
 * (subject, item) decision are compared with the model's, and so is every share link (it opens
 * while its creator holds {@code SHARE}). A failure is shrunk by removing steps and printed with
 * its seed: {@code -Dstockage.test.seed=S} replays it, {@code -Dstockage.test.sequences=N} and
 * {@code -Dstockage.test.steps=K} make a longer run.
 */
class PermissionSequenceIT {
  private static final AtomicInteger ORGS = new AtomicInteger();
  private static final Subject AUDITOR = Subject.of("any", "auditor");
  /** Ranked searches whose reference found something: the check compared real rankings. */
  private static final AtomicInteger RANKED = new AtomicInteger();

  @TempDir
  static Path root;
  static TestDatabase db;
  static StockageEngine engine;
  static JdbcDirectory directory;

  @BeforeAll
  static void start() {
    db = PostgresFixture.create();
    directory = JdbcDirectory.create(db.dataSource());
    engine = StockageEngine.builder()
        .catalog(JdbcCatalog.create(db.dataSource()))
        .directory(directory)
        .mount(Mount.managed("main", FileSystemProvider.create(root)))
        .permissionCacheTtl(Duration.ZERO)
        .indexing(false, Duration.ofSeconds(1), Duration.ofMinutes(5))
        .build();
  }

  @AfterAll
  static void stop() {
    engine.close();
    db.close();
  }

  @Test
  void sequences_randomOperationsByRandomSubjects_neverEscalateAndEqualTheModel() {
    long base = Long.getLong("stockage.test.seed", 20261203L);
    int sequences = Integer.getInteger("stockage.test.sequences", 6);
    int length = Integer.getInteger("stockage.test.steps", 50);
    int allowed = 0;
    int refused = 0;
    Map<String, Integer> tally = new java.util.TreeMap<>();
    for (int s = 0; s < sequences; s++) {
      long seed = base + s;
      Random random = new Random(seed);
      PermissionWorld world = world(random);
      Run run = Run.start(world);
      List<Step> steps = new ArrayList<>();
      for (int k = 0; k < length; k++) {
        Step step = ModelSteps.next(random, run.model(), actors(), k);
        steps.add(step);
        Checked checked = run.step(step);
        if (checked.failure().isPresent()) {
          List<Step> minimal = shrink(world, steps);
          throw new AssertionError("seed " + seed + ", step " + k + ": " + checked.failure().get()
              + "\nworld facts: " + world.facts + "\nnodes: " + world.nodes
              + "\nshrunk to " + minimal.size() + " steps:\n  " + String.join("\n  ",
              minimal.stream().map(Object::toString).toList()) + "\nreplay: -Dstockage.test.seed=" + seed
              + " -Dstockage.test.sequences=1 -Dstockage.test.steps=" + length);
        }
        if (checked.allowed()) {
          allowed++;
        } else {
          refused++;
        }
        tally.merge(step.getClass().getSimpleName() + (checked.allowed() ? " done" : " refused"), 1, Integer::sum);
      }
    }
    System.out.println("steps by kind and outcome: " + tally + "; ranked searches compared: " + RANKED.get());
    assertThat(RANKED.get()).as("ranked searches with two hits or more").isGreaterThan(sequences * 5);
    // Both kinds of step happen, so the run says something of each.
    assertThat(allowed).isGreaterThan(sequences * length / 5);
    assertThat(refused).isGreaterThan(sequences * length / 5);
  }

  /**
   * The static world of {@link PermissionWorld}, with what makes steps interact: two editors per
   * project (they may add, move and own, but not share), and more often an organization admin.
   */
  private static PermissionWorld world(Random random) {
    PermissionWorld world = PermissionWorld.generate(random);
    List<PermissionWorld.Fact> facts = new ArrayList<>(world.facts);
    for (String project : PermissionWorld.PROJECTS) {
      List<String> users = new ArrayList<>(PermissionWorld.USERS);
      java.util.Collections.shuffle(users, random);
      users.stream()
          .filter(u -> facts.stream().noneMatch(f -> f instanceof PermissionWorld.Member m && !m.team()
              && m.project().equals(project) && m.principal().equals(u)))
          .limit(2)
          .forEach(u -> facts.add(new PermissionWorld.Member(project, false, u, ProjectRole.EDITOR)));
    }
    boolean admin = facts.stream().anyMatch(f -> f instanceof PermissionWorld.OrgGrant g
        && g.permission() == OrgPermission.ADMIN);
    if (!admin && random.nextInt(10) < 7) {
      facts.add(new PermissionWorld.OrgGrant(ModelSteps.pick(random, PermissionWorld.USERS), OrgPermission.ADMIN));
    }
    return new PermissionWorld(world.nodes, facts);
  }

  private static List<String> actors() {
    List<String> all = new ArrayList<>(PermissionWorld.USERS);
    all.add(PermissionWorld.FOUNDER);
    return all;
  }

  /** Removes steps one at a time while the shorter sequence still fails somewhere. */
  private static List<Step> shrink(PermissionWorld world, List<Step> steps) {
    List<Step> current = new ArrayList<>(steps);
    for (int i = current.size() - 2; i >= 0; i--) {
      List<Step> shorter = new ArrayList<>(current);
      shorter.remove(i);
      if (fails(world, shorter)) {
        current = shorter;
      }
    }
    return current;
  }

  private static boolean fails(PermissionWorld world, List<Step> steps) {
    Run run = Run.start(world);
    return steps.stream().anyMatch(step -> run.step(step).failure().isPresent());
  }

  /** What a step did: whether the engine allowed it, and what disagreed, if anything. */
  record Checked(boolean allowed, Optional<String> failure) {}

  /** One sequence against a world built in a fresh organization. */
  record Run(PermissionWorld world, String org, AccessModel model, Map<String, ItemId> ids,
      Map<String, ShareLink> links, Map<String, String> tokens, Map<List<String>, Set<Permission>> seen) {

    static Run start(PermissionWorld world) {
      String org = "seq-" + ORGS.incrementAndGet() + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
      Map<PermissionWorld.Link, String> built = new HashMap<>();
      Map<String, ItemId> ids = new HashMap<>(world.build(engine, directory, org, built));
      Run run = new Run(world, org, model(world), ids, new HashMap<>(), new HashMap<>(), new HashMap<>());
      // The search reference: a viewer of every project whom no step names, so it sees every item.
      for (String p : PermissionWorld.PROJECTS) {
        engine.projects().addMember(world.subject(org, PermissionWorld.FOUNDER), run.slug(p), AUDITOR.user(),
            ProjectRole.VIEWER);
      }
      int n = 0;
      for (Map.Entry<PermissionWorld.Link, String> link : built.entrySet()) {
        String name = "world-link-" + n++;
        run.model().links.put(name, new AccessModel.Link(link.getKey().node(), PermissionWorld.FOUNDER,
            link.getKey().revoked()));
        run.tokens().put(name, link.getValue());
      }
      run.seen().putAll(run.observe());
      return run;
    }

    /** The model's state for a freshly built world. */
    private static AccessModel model(PermissionWorld world) {
      AccessModel m = new AccessModel();
      for (PermissionWorld.Node n : world.nodes) {
        m.nodes.put(n.name(), new AccessModel.Node(n.name(), n.project(), n.parent(), n.folder(), n.vault(),
            n.owner()));
      }
      for (String p : PermissionWorld.PROJECTS) {
        m.members.computeIfAbsent(p, k -> new HashMap<>()).put(new Who(false, PermissionWorld.FOUNDER),
            ProjectRole.ADMIN);
      }
      for (String user : actors()) {
        m.org.put(user, world.subject("any", user).permissions());
      }
      for (PermissionWorld.Fact f : world.facts) {
        if (f instanceof PermissionWorld.TeamMember t) {
          m.teamMembers.add(List.of(t.team(), t.user()));
        } else if (f instanceof PermissionWorld.Member mm) {
          m.members.computeIfAbsent(mm.project(), k -> new HashMap<>()).put(new Who(mm.team(), mm.principal()),
              mm.role());
        } else if (f instanceof PermissionWorld.Entry e) {
          m.entries.computeIfAbsent(e.node(), k -> new HashMap<>()).put(new Who(e.team(), e.principal()), e.role());
        }
      }
      return m;
    }

    StockageEngine engine() {
      return engine;
    }

    Subject subject(String user) {
      return world.subject(org, user);
    }

    String slug(String project) {
      return org.toLowerCase(Locale.ROOT) + "-" + project;
    }

    /** The slug of a model item's project (of a project none has, for an item that is gone). */
    String projectOf(String node) {
      AccessModel.Node n = model.nodes.get(node);
      return slug(n == null ? "gone" : n.project);
    }

    /** The engine's id of a model item; an id nothing has for one that never existed. */
    ItemId id(String name) {
      return ids.computeIfAbsent(name, k -> ItemId.random());
    }

    /** Runs a step on the engine and the model, and checks what must hold after it. */
    Checked step(Step step) {
      Optional<ErrorKind> expected = step.decide(model);
      Optional<ErrorKind> actual;
      try {
        step.run(this);
        actual = Optional.empty();
      } catch (StockageException e) {
        actual = Optional.of(e.kind());
      }
      Map<List<String>, Set<Permission>> now = observe();
      Optional<String> failure = actual.isEmpty() ? escalation(step, now) : Optional.empty();
      if (failure.isEmpty() && !actual.equals(expected)) {
        failure = Optional.of(step + ": engine " + outcome(actual) + ", model " + outcome(expected));
      }
      if (failure.isEmpty()) {
        if (actual.isEmpty()) {
          step.change(model);
          // What the step created is observed now that the model knows it.
          now.putAll(observe(name -> !seen.containsKey(List.of(step.actor(), name))));
        }
        boolean done = actual.isEmpty();
        failure = compare(now).or(this::checkLinks).or(() -> done ? checkSearch() : Optional.empty());
      }
      seen.clear();
      seen.putAll(now);
      return new Checked(actual.isEmpty(), failure);
    }

    /**
     * The invariant, on the engine's answers: a permission someone gained on an item that existed
     * before the step was given by an actor holding SHARE on that item.
     */
    private Optional<String> escalation(Step step, Map<List<String>, Set<Permission>> now) {
      for (Map.Entry<List<String>, Set<Permission>> before : seen.entrySet()) {
        Set<Permission> after = now.get(before.getKey());
        if (after == null || before.getValue().containsAll(after)) {
          continue;
        }
        String item = before.getKey().get(1);
        if (!seen.getOrDefault(List.of(step.actor(), item), Set.of()).contains(Permission.SHARE)) {
          Set<Permission> gained = EnumSet.copyOf(after);
          gained.removeAll(before.getValue());
          return Optional.of("escalation: " + step + " gave " + before.getKey().get(0) + " " + gained + " on "
              + item + " (" + model.nodes.get(item) + "), but " + step.actor() + " held no SHARE on it");
        }
      }
      return Optional.empty();
    }

    /** The engine's permissions of every subject on every item the model knows. */
    private Map<List<String>, Set<Permission>> observe() {
      return observe(name -> true);
    }

    private Map<List<String>, Set<Permission>> observe(java.util.function.Predicate<String> which) {
      Map<List<String>, Set<Permission>> all = new HashMap<>();
      for (String user : actors()) {
        for (String item : model.nodes.keySet().stream().filter(which).toList()) {
          all.put(List.of(user, item), engine.access().permissions(subject(user), id(item)));
        }
      }
      return all;
    }

    private Optional<String> compare(Map<List<String>, Set<Permission>> now) {
      for (String user : actors()) {
        for (AccessModel.Node node : model.nodes.values()) {
          Set<Permission> expected = model.permissions(user, node);
          Set<Permission> actual = now.getOrDefault(List.of(user, node.name), Set.of());
          if (!actual.equals(expected)) {
            return Optional.of(user + " on " + node + ": engine " + actual + ", model " + expected);
          }
        }
      }
      return Optional.empty();
    }

    /**
     * Search, once the index caught up, returns to every subject exactly the live items the model
     * lets it view, by name (byte order, then id), page after page: nothing leaked, nothing
     * missing, no page repeating or skipping an item.
     */
    private Optional<String> checkSearch() {
      while (engine.indexer().runOnce() > 0) {
        // the queue drains: every change of the step is indexed
      }
      for (String user : actors()) {
        List<String> expected = model.nodes.values().stream()
            .filter(n -> !n.trashed() && model.permissions(user, n).contains(Permission.VIEW))
            .map(n -> n.name).sorted().toList();
        List<io.stockage.Item> hits = new ArrayList<>();
        PageRequest request = PageRequest.first(4);
        io.stockage.SearchResults page;
        do {
          page = engine.search().search(subject(user), io.stockage.SearchQuery.of("")
              .sortedBy(io.stockage.SearchSort.NAME), request);
          page.page().items().forEach(h -> hits.add(h.item()));
          request = page.page().next().orElse(request);
        } while (page.page().hasNext());
        List<String> actual = hits.stream().map(i -> nameOf(i.id())).toList();
        if (!actual.stream().sorted().toList().equals(expected) || actual.size() != expected.size()) {
          return Optional.of("search by " + user + ": engine " + actual + ", model " + expected);
        }
        // In name order (byte order, as the catalog compares), then by id: the names are the engine's.
        java.util.Comparator<io.stockage.Item> byName = java.util.Comparator.comparing(
            (io.stockage.Item i) -> i.name().getBytes(java.nio.charset.StandardCharsets.UTF_8), java.util.Arrays::compareUnsigned)
            .thenComparing(i -> i.id().value().toString());
        if (!hits.equals(hits.stream().sorted(byName).toList())) {
          return Optional.of("search by " + user + " is not in name order: " + hits.stream().map(io.stockage.Item::name).toList());
        }
      }
      return checkRankedSearch();
    }

    /**
     * A text query, best match first: every subject gets exactly the reference's ranking (the
     * auditor's, who sees everything) filtered by what the model lets it view, in the same order.
     */
    private Optional<String> checkRankedSearch() {
      List<String> words = model.nodes.keySet().stream().flatMap(n -> java.util.Arrays.stream(n.split("[-.]")))
          .filter(w -> w.length() >= 2).distinct().sorted().toList();
      if (words.isEmpty()) {
        return Optional.empty();
      }
      String word = words.get(Math.floorMod(seen.size() * 31 + model.nodes.size(), words.size()));
      io.stockage.SearchQuery query = io.stockage.SearchQuery.of(word);
      List<String> reference = walk(AUDITOR.user().value(), query);
      if (reference.size() > 1) {
        RANKED.incrementAndGet();
      }
      for (String user : actors()) {
        List<String> expected = reference.stream().filter(name -> {
          AccessModel.Node n = model.nodes.get(name);
          return n != null && !n.trashed() && model.permissions(user, n).contains(Permission.VIEW);
        }).toList();
        List<String> actual = walk(user, query);
        if (!actual.equals(expected)) {
          return Optional.of("search '" + word + "' by " + user + ": engine " + actual + ", reference " + expected);
        }
      }
      return Optional.empty();
    }

    // Every page of a search, as model names.
    private List<String> walk(String user, io.stockage.SearchQuery query) {
      Subject who = user.equals(AUDITOR.user().value()) ? Subject.of(org, user) : subject(user);
      List<String> names = new ArrayList<>();
      PageRequest request = PageRequest.first(3);
      io.stockage.SearchResults page;
      do {
        page = engine.search().search(who, query, request);
        page.page().items().forEach(h -> names.add(nameOf(h.item().id())));
        request = page.page().next().orElse(request);
      } while (page.page().hasNext());
      return names;
    }

    private String nameOf(ItemId item) {
      return ids.entrySet().stream().filter(e -> e.getValue().equals(item)).map(Map.Entry::getKey).findFirst()
          .orElse("unknown " + item);
    }

    private Optional<String> checkLinks() {
      for (Map.Entry<String, AccessModel.Link> link : model.links.entrySet()) {
        String token = tokens.getOrDefault(link.getKey(),
            links.containsKey(link.getKey()) ? links.get(link.getKey()).token() : null);
        boolean opened;
        try (Content content = engine.sharing().openLink(token)) {
          opened = content.item().id().equals(id(link.getValue().node));
        } catch (StockageException e) {
          if (e.kind() != ErrorKind.NOT_FOUND) {
            throw e;
          }
          opened = false;
        }
        if (opened != model.opens(link.getValue())) {
          return Optional.of("share link " + link.getKey() + " on " + link.getValue().node + " by "
              + link.getValue().creator + ": engine " + (opened ? "opened" : "refused") + ", model "
              + (opened ? "refuses" : "opens"));
        }
      }
      return Optional.empty();
    }

    private static String outcome(Optional<ErrorKind> kind) {
      return kind.map(Enum::name).orElse("done");
    }
  }
}
