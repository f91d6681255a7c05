package io.stockage.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.ErrorKind;
import io.stockage.ItemId;
import io.stockage.Location;
import io.stockage.Mount;
import io.stockage.OrgPermission;
import io.stockage.PageRequest;
import io.stockage.Permission;
import io.stockage.StockageException;
import io.stockage.Subject;
import io.stockage.core.fs.FileSystemProvider;
import io.stockage.jdbc.JdbcCatalog;
import io.stockage.jdbc.JdbcDirectory;
import io.stockage.testkit.PostgresFixture;
import io.stockage.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model-based test of the access rules: random worlds ({@link PermissionWorld}) are built through
 * the public API, then for every (subject, item, action) triple the engine's decision must equal
 * the reference model's — by {@code permissions}, by what {@code stat} lets through, and by what
 * a folder listing shows. A failure shrinks to the fewest facts that still disagree (greedy
 * removal, rebuilding the world each time) and prints them with the seed to replay
 * ({@code -Dstockage.test.seed=...}).
 */
class PermissionModelIT {
  private static final int WORLDS = 8;
  private static final AtomicInteger ORGS = new AtomicInteger();

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
        .build();
  }

  @AfterAll
  static void stop() {
    engine.close();
    db.close();
  }

  @Test
  void decisions_randomWorlds_equalTheReferenceModel() {
    long base = Long.getLong("stockage.test.seed", 20261123L);
    int triples = 0;
    for (int w = 0; w < WORLDS; w++) {
      long seed = base + w;
      PermissionWorld world = PermissionWorld.generate(new Random(seed));
      Built built = build(world);
      for (String user : subjects()) {
        for (PermissionWorld.Node node : world.nodes) {
          Optional<String> mismatch = check(built, user, node);
          if (mismatch.isPresent()) {
            PermissionWorld minimal = shrink(world, user, node.name());
            throw new AssertionError("seed " + seed + ": " + mismatch.get() + "\nminimal facts for " + user + " on "
                + node.name() + ": " + minimal.facts + "\nnodes: " + minimal.nodes);
          }
          triples += Permission.values().length;
        }
      }
      checkLinks(built).ifPresent(m -> {
        throw new AssertionError("seed " + seed + ": " + m + "\nfacts: " + world.facts);
      });
      for (String user : subjects()) {
        checkListings(built, user).ifPresent(m -> {
          throw new AssertionError("seed " + seed + ": " + m + "\nfacts: " + world.facts + "\nnodes: " + world.nodes);
        });
      }
    }
    assertThat(triples).isGreaterThan(3000);
  }

  private static List<String> subjects() {
    List<String> all = new ArrayList<>(PermissionWorld.USERS);
    all.add(PermissionWorld.FOUNDER);
    all.add("outsider");
    return all;
  }

  private record Built(PermissionWorld world, String org, Map<String, ItemId> ids,
      Map<PermissionWorld.Link, String> tokens) {
    Subject subject(String user) {
      // The outsider is an admin of another organization: it must see nothing of this one.
      return user.equals("outsider") ? Subject.of(org + "-other", "outsider", OrgPermission.ADMIN)
          : world.subject(org, user);
    }

    Set<Permission> expected(String user, PermissionWorld.Node node) {
      return user.equals("outsider") ? Set.of() : world.expected(user, node);
    }
  }

  private static Built build(PermissionWorld world) {
    String org = "model-" + ORGS.incrementAndGet() + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
    Map<PermissionWorld.Link, String> tokens = new java.util.HashMap<>();
    Map<String, ItemId> ids = world.build(engine, directory, org, tokens);
    return new Built(world, org, ids, tokens);
  }

  /** The engine against the model on one (subject, item): every action, and stat. */
  private static Optional<String> check(Built built, String user, PermissionWorld.Node node) {
    Subject subject = built.subject(user);
    ItemId id = built.ids().get(node.name());
    Set<Permission> expected = built.expected(user, node);
    Set<Permission> actual = engine.access().permissions(subject, id);
    if (!actual.equals(expected)) {
      return Optional.of(user + " on " + node.name() + ": engine " + actual + ", model " + expected);
    }
    boolean visible;
    try {
      engine.files().stat(subject, id);
      visible = true;
    } catch (StockageException e) {
      if (e.kind() != ErrorKind.NOT_FOUND) {
        throw e;
      }
      visible = false;
    }
    if (visible != expected.contains(Permission.VIEW)) {
      return Optional.of(user + " on " + node.name() + ": stat " + (visible ? "succeeded" : "was NOT_FOUND")
          + ", model " + expected);
    }
    return Optional.empty();
  }

  /** A share link opens its file's current content until it is revoked, and then never. */
  private static Optional<String> checkLinks(Built built) {
    for (Map.Entry<PermissionWorld.Link, String> link : built.tokens().entrySet()) {
      boolean opened;
      try (io.stockage.Content content = engine.sharing().openLink(link.getValue())) {
        opened = content.item().id().equals(built.ids().get(link.getKey().node()));
      } catch (StockageException e) {
        if (e.kind() != ErrorKind.NOT_FOUND) {
          throw e;
        }
        opened = false;
      }
      if (opened == link.getKey().revoked()) {
        return Optional.of(link.getKey() + ": openShared " + (opened ? "opened" : "refused"));
      }
    }
    return Optional.empty();
  }

  /** Every folder the subject may view lists exactly the children the model lets it view. */
  private static Optional<String> checkListings(Built built, String user) {
    Subject subject = built.subject(user);
    for (PermissionWorld.Node folder : built.world().nodes) {
      if (!folder.folder() || !built.expected(user, folder).contains(Permission.VIEW)) {
        continue;
      }
      Set<String> expected = built.world().nodes.stream()
          .filter(n -> n.parent().equals(Optional.of(folder.name())))
          .filter(n -> built.expected(user, n).contains(Permission.VIEW))
          .map(PermissionWorld.Node::name).collect(Collectors.toSet());
      String slug = built.org().toLowerCase(java.util.Locale.ROOT) + "-" + folder.project();
      Set<String> listed = new HashSet<>();
      engine.files().list(subject, Location.of(slug, built.ids().get(folder.name())), PageRequest.first(1000)).items()
          .forEach(i -> listed.add(i.name()));
      if (!listed.equals(expected)) {
        return Optional.of(user + " listing " + folder.name() + ": engine " + listed + ", model " + expected);
      }
    }
    return Optional.empty();
  }

  /** Removes facts one at a time while the engine and the model still disagree on (user, node). */
  private static PermissionWorld shrink(PermissionWorld world, String user, String node) {
    PermissionWorld current = world;
    boolean progress = true;
    while (progress) {
      progress = false;
      for (PermissionWorld.Fact fact : current.facts) {
        PermissionWorld smaller = current.without(fact);
        Built built = build(smaller);
        if (check(built, user, smaller.node(node)).isPresent()) {
          current = smaller;
          progress = true;
          break;
        }
      }
    }
    return current;
  }
}
