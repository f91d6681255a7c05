package io.stockage.core;

import static io.stockage.core.EngineFixture.ALICE;
import static io.stockage.core.EngineFixture.BOB;
import static io.stockage.core.EngineFixture.CAROL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stockage.Access;
import io.stockage.AccessSource;
import io.stockage.ErrorKind;
import io.stockage.Item;
import io.stockage.ItemId;
import io.stockage.Location;
import io.stockage.NewContent;
import io.stockage.OrgId;
import io.stockage.OrgPermission;
import io.stockage.Page;
import io.stockage.PageRequest;
import io.stockage.Permission;
import io.stockage.Principal;
import io.stockage.Project;
import io.stockage.ProjectRole;
import io.stockage.StockageException;
import io.stockage.Subject;
import io.stockage.TeamId;
import io.stockage.Upload;
import io.stockage.testkit.Samples;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Item access entries, teams on projects, explanations, vault files and permission-filtered paging. */
class AccessIT {
  private static final Subject EVE = Subject.of("acme", "eve");
  private static final Subject BOSS = Subject.of("acme", "boss", OrgPermission.ADMIN);

  @TempDir
  static Path root;
  static EngineFixture fx;

  @BeforeAll
  static void start() {
    fx = EngineFixture.start(root);
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  private static void assertKind(Executable call, ErrorKind kind) {
    assertThatThrownBy(call::execute).isInstanceOfSatisfying(StockageException.class,
        e -> assertThat(e.kind()).isEqualTo(kind));
  }

  private static Item folder(Project p, Optional<ItemId> parent, String name) {
    return fx.engine.files().createFolder(ALICE, new Location(p.slug(), parent), name);
  }

  private static Item file(Subject s, Project p, Item folder, String name) {
    return fx.engine.files().upload(s, Upload.of(p.slug(), name, new ByteArrayInputStream(Samples.pdf(name)))
        .inFolder(folder.id()));
  }

  @Test
  void grant_viewerOnFolder_appliesToEverythingBelowAndOnlyAdds() {
    Project p = fx.project();
    Item top = folder(p, Optional.empty(), "top");
    Item below = folder(p, Optional.of(top.id()), "below");
    Item deep = file(BOB, p, below, "deep.pdf");
    assertKind(() -> fx.engine.files().stat(EVE, deep.id()), ErrorKind.NOT_FOUND);

    fx.engine.access().grant(ALICE, top.id(), EVE.user(), ProjectRole.VIEWER);
    assertThat(fx.engine.files().stat(EVE, deep.id()).id()).isEqualTo(deep.id());
    assertThat(fx.engine.access().permissions(EVE, deep.id())).containsExactly(Permission.VIEW);
    assertKind(() -> fx.engine.files().write(EVE, deep.id(), NewContent.of(new ByteArrayInputStream(Samples.pdf("x")))),
        ErrorKind.PERMISSION_DENIED);
    assertThat(fx.engine.files().list(EVE, Location.of(p.slug(), below.id()), PageRequest.first(10)).items())
        .extracting(Item::name).containsExactly("deep.pdf");

    // A VIEWER entry for an EDITOR member takes nothing away.
    fx.engine.access().grant(ALICE, deep.id(), BOB.user(), ProjectRole.VIEWER);
    assertThat(fx.engine.files().write(BOB, deep.id(), NewContent.of(new ByteArrayInputStream(Samples.pdf("y")))).revision())
        .isEqualTo(2);

    fx.engine.access().revoke(ALICE, top.id(), EVE.user());
    assertThat(fx.engine.access().permissions(EVE, deep.id())).isEmpty();
    assertKind(() -> fx.engine.files().stat(EVE, deep.id()), ErrorKind.NOT_FOUND);
  }

  @Test
  void grant_withoutShare_isDeniedAndAudited() {
    Project p = fx.project();
    Item f = folder(p, Optional.empty(), "f");
    long denials = fx.count("SELECT count(*) FROM audit_log WHERE action = 'grant' AND outcome = 'DENIED'");
    assertKind(() -> fx.engine.access().grant(BOB, f.id(), EVE.user(), ProjectRole.VIEWER),
        ErrorKind.PERMISSION_DENIED);
    assertKind(() -> fx.engine.access().grant(EVE, f.id(), EVE.user(), ProjectRole.ADMIN), ErrorKind.NOT_FOUND);
    assertKind(() -> fx.engine.access().grant(EngineFixture.MALLORY, f.id(), EVE.user(), ProjectRole.VIEWER),
        ErrorKind.NOT_FOUND);
    assertThat(fx.count("SELECT count(*) FROM audit_log WHERE action = 'grant' AND outcome = 'DENIED'"))
        .isEqualTo(denials + 3);
    assertThat(fx.engine.access().entries(ALICE, f.id(), PageRequest.first(PageRequest.MAX_SIZE)).items()).isEmpty();
  }

  @Test
  void addTeam_teamMembersGetTheRoleAndExplainNamesEverySource() {
    Project p = fx.project();
    TeamId team = TeamId.of("team-" + p.slug());
    fx.directory.createTeam(OrgId.of("acme"), team, "Reviewers");
    fx.directory.addMember(OrgId.of("acme"), team, EVE.user());
    Item f = folder(p, Optional.empty(), "specs");
    Item doc = file(BOB, p, f, "spec.pdf");
    assertKind(() -> fx.engine.files().stat(EVE, doc.id()), ErrorKind.NOT_FOUND);

    fx.engine.projects().addTeam(ALICE, p.slug(), team, ProjectRole.VIEWER);
    fx.engine.access().grant(ALICE, f.id(), team, ProjectRole.EDITOR);
    assertThat(fx.engine.projects().teams(CAROL, p.slug())).extracting(t -> t.team().value()).containsExactly(team.value());

    Access access = fx.engine.access().explain(ALICE, doc.id(), EVE);
    assertThat(access.role()).contains(ProjectRole.EDITOR);
    assertThat(access.sources()).extracting(AccessSource::kind, s -> s.on().map(ItemId::toString).orElse("-"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(AccessSource.Kind.PROJECT, "-"),
            org.assertj.core.groups.Tuple.tuple(AccessSource.Kind.ENTRY, f.id().toString()));
    assertThat(fx.engine.access().explain(BOB, doc.id(), BOB).sources()).extracting(AccessSource::kind)
        .containsExactly(AccessSource.Kind.PROJECT, AccessSource.Kind.OWNER);
    assertKind(() -> fx.engine.access().explain(CAROL, doc.id(), EVE), ErrorKind.PERMISSION_DENIED);

    fx.engine.projects().removeTeam(ALICE, p.slug(), team);
    assertThat(fx.engine.access().permissions(EVE, doc.id())).contains(Permission.CHANGE).doesNotContain(Permission.SHARE);
  }

  @Test
  void vaultFile_ignoresOrganizationPermissionsAndLivesInItsOwnNamespace() throws java.io.IOException {
    Project p = fx.project();
    Item regular = fx.upload(BOB, p, "regular.pdf", Samples.pdf("same"));
    Item secret = fx.engine.files().upload(BOB, Upload.of(p.slug(), "secret.pdf",
        new ByteArrayInputStream(Samples.pdf("same"))).asVault());
    assertThat(secret.vault()).isTrue();
    // Identical bytes, two namespaces: the vault never shares a blob with regular content.
    assertThat(fx.count("SELECT count(*) FROM blobs WHERE key LIKE '%/vault/sha256/%' AND sha256 = ?", secret.sha256()))
        .isEqualTo(1);
    assertThat(fx.count("SELECT count(*) FROM blobs WHERE sha256 = ?", secret.sha256())).isEqualTo(2);

    assertThat(fx.engine.files().stat(BOSS, regular.id()).id()).isEqualTo(regular.id());
    assertKind(() -> fx.engine.files().stat(BOSS, secret.id()), ErrorKind.NOT_FOUND);
    assertThat(fx.engine.files().stat(CAROL, secret.id()).id()).isEqualTo(secret.id());
    assertThat(fx.engine.files().vaultFiles(BOSS, PageRequest.first(10)).items()).isEmpty();

    fx.engine.access().grant(BOB, secret.id(), BOSS.user(), ProjectRole.VIEWER);
    try (var content = fx.engine.files().open(BOSS, secret.id())) {
      assertThat(content.stream().readAllBytes()).isEqualTo(Samples.pdf("same"));
    }
    assertThat(fx.engine.files().vaultFiles(BOSS, PageRequest.first(10)).items()).extracting(Item::id)
        .containsExactly(secret.id());
  }

  @Test
  void list_thousandItemsOfWhichARandomHalfVisible_pagesReturnEachVisibleItemOnce() {
    Project p = fx.project();
    fx.engine.projects().addMember(ALICE, p.slug(), EVE.user(), ProjectRole.EDITOR);
    Item mine = fx.engine.files().createFolder(EVE, Location.root(p.slug()), "eve's");
    fx.engine.projects().removeMember(ALICE, p.slug(), EVE.user());
    TeamId team = TeamId.of("paging-" + p.slug());
    fx.directory.createTeam(OrgId.of("acme"), team, "Paging");
    fx.directory.addMember(OrgId.of("acme"), team, EVE.user());

    Random random = new Random(7);
    Set<String> visible = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      Item item = fx.engine.files().createFolder(BOB, Location.of(p.slug(), mine.id()), String.format("item-%04d", i));
      if (random.nextBoolean()) {
        Principal who = random.nextBoolean() ? EVE.user() : team;
        fx.engine.access().grant(ALICE, item.id(), who, ProjectRole.VIEWER);
        visible.add(item.name());
      }
    }
    List<String> seen = new ArrayList<>();
    PageRequest request = PageRequest.first(37);
    Page<Item> page;
    do {
      page = fx.engine.files().list(EVE, Location.of(p.slug(), mine.id()), request);
      page.items().forEach(i -> seen.add(i.name()));
      request = page.next().orElse(request);
    } while (page.hasNext());
    assertThat(seen).doesNotHaveDuplicates().hasSameSizeAs(visible).containsExactlyInAnyOrderElementsOf(visible);
    assertThat(seen).isSorted();
  }
}
