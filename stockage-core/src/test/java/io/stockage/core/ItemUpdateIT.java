package io.stockage.core;

import static io.stockage.core.EngineFixture.ALICE;
import static io.stockage.core.EngineFixture.BOB;
import static io.stockage.core.EngineFixture.CAROL;
import static io.stockage.core.EngineFixture.MALLORY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stockage.ErrorKind;
import io.stockage.FieldDefinition;
import io.stockage.FieldType;
import io.stockage.Item;
import io.stockage.ItemPatch;
import io.stockage.Location;
import io.stockage.NewContent;
import io.stockage.OrgPermission;
import io.stockage.PageRequest;
import io.stockage.PolicyReason;
import io.stockage.Project;
import io.stockage.StockageException;
import io.stockage.Subject;
import io.stockage.testkit.Samples;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** {@code Stockage.update}: name, tags and custom fields of an item, and what keeps them. */
class ItemUpdateIT {
  static final Subject ROOT = Subject.of("acme", "root", OrgPermission.ADMIN);

  @TempDir
  static Path root;
  static EngineFixture fx;

  @BeforeAll
  static void start() {
    fx = EngineFixture.start(root);
    fx.engine.fields().define(ROOT, FieldDefinition.optional("reference", FieldType.TEXT));
    fx.engine.fields().define(ROOT, FieldDefinition.optional("pages", FieldType.NUMBER));
    fx.engine.fields().define(ROOT, FieldDefinition.optional("signed", FieldType.BOOLEAN));
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  private static void assertKind(Executable call, ErrorKind kind) {
    assertThatThrownBy(call::execute).isInstanceOfSatisfying(StockageException.class,
        e -> assertThat(e.kind()).isEqualTo(kind));
  }

  private static Item file(Project project, String name) {
    return fx.upload(BOB, project, name, Samples.pdf(name));
  }

  @Test
  void update_nameTagsAndFields_changesThemInOneStepAndKeepsTheRevision() {
    Project project = fx.project();
    Item file = file(project, "plan.pdf");
    Map<String, Object> fields = Map.of("reference", "A-12", "pages", 12L, "signed", true);

    Item updated = fx.engine.files().update(BOB, file.id(), ItemPatch.none().withName("plan-final.pdf").withTags(Set.of("urgent", "client")).withCustomFields(fields));

    assertThat(updated.name()).isEqualTo("plan-final.pdf");
    assertThat(updated.tags()).containsExactlyInAnyOrder("urgent", "client");
    assertThat(updated.customFields()).isEqualTo(fields);
    assertThat(updated.revision()).isEqualTo(1);
    assertThat(updated.updatedAt()).isAfterOrEqualTo(file.updatedAt());
    assertThat(fx.engine.files().stat(CAROL, file.id())).isEqualTo(updated);
    assertThat(fx.count("select count(*) from changes where item_id = ? and kind = 'RENAMED' and revision = 1",
        file.id().value())).as("one change, a rename since the name changed").isEqualTo(1);
    assertThat(fx.count("select count(*) from audit_log where action = 'update' and outcome = 'ALLOWED'"
        + " and target = ? and details = '{\"changed\": \"name,tags,fields\"}'", file.id().toString())).isEqualTo(1);
    assertThat(fx.count("select count(*) from audit_log where target = ? and details::text like '%A-12%'",
        file.id().toString())).as("values are never audited").isZero();
  }

  @Test
  void update_emptyPatchOrSameValues_changesNothingAndWritesNoChange() {
    Project project = fx.project();
    Item file = fx.engine.files().update(BOB, file(project, "same.pdf").id(), ItemPatch.none().withTags(Set.of("a")));

    Item same = fx.engine.files().update(BOB, file.id(), ItemPatch.none().withName("same.pdf").withTags(Set.of(" A ")));
    Item none = fx.engine.files().update(BOB, file.id(), ItemPatch.none());

    assertThat(same).isEqualTo(file);
    assertThat(none).isEqualTo(file);
    assertThat(fx.count("select count(*) from changes where item_id = ? and kind = 'METADATA_CHANGED'",
        file.id().value())).isEqualTo(1);
  }

  @Test
  void update_tags_areTrimmedLowerCasedNfcAndDeduplicated() {
    Project project = fx.project();
    Item file = file(project, "tags.pdf");

    Item updated = fx.engine.files().update(BOB, file.id(), ItemPatch.none()
        .withTags(Set.of("  Urgent ", "URGENT", "e\u0301te\u0301", "\u00c9T\u00c9", "Two Words", "İ")));

    assertThat(updated.tags()).containsExactlyInAnyOrder("urgent", "\u00e9t\u00e9", "two words", "i\u0307");
    assertThat(fx.engine.files().stat(BOB, file.id()).tags()).isEqualTo(updated.tags());
  }

  @Test
  void update_invalidTags_areInvalidArgumentAndChangeNothing() {
    Project project = fx.project();
    Item file = fx.engine.files().update(BOB, file(project, "bad-tags.pdf").id(), ItemPatch.none().withTags(Set.of("kept")));
    Set<String> tooMany = IntStream.range(0, 51).mapToObj(i -> "tag" + i).collect(Collectors.toSet());
    List<Set<String>> invalid = List.of(Set.of(""), Set.of("   "), Set.of("x".repeat(65)), Set.of("tab\there"),
        Set.of("nul\u0000"), Set.of("line\nbreak"), Set.of("half\ud800"), tooMany);

    for (Set<String> tags : invalid) {
      assertKind(() -> fx.engine.files().update(BOB, file.id(), ItemPatch.none().withTags(tags).withName("other.pdf")),
          ErrorKind.INVALID_ARGUMENT);
    }
    Set<String> fifty = new HashSet<>(tooMany);
    fifty.remove("tag0");
    fifty.add("x".repeat(64));
    fifty.remove("tag1");
    assertThat(fx.engine.files().update(BOB, file.id(), ItemPatch.none().withTags(fifty)).tags()).hasSize(50);
    assertThat(fx.engine.files().stat(BOB, file.id()).name()).isEqualTo("bad-tags.pdf");
    assertThat(fx.count("select count(*) from audit_log where action = 'update' and outcome = 'FAILED'"
        + " and target = ?", file.id().toString())).isEqualTo(invalid.size());
  }

  @Test
  void update_name_followsTheRulesOfRename() {
    Project project = fx.project();
    fx.upload(BOB, project, "taken.pdf", Samples.pdf("taken"));
    Item file = file(project, "mine.pdf");
    Item folder = fx.engine.files().createFolder(ALICE, Location.root(project.slug()), "docs");

    assertThatThrownBy(() -> fx.engine.files().update(BOB, file.id(), ItemPatch.none().withName("mine.png")))
        .isInstanceOfSatisfying(StockageException.class,
            e -> assertThat(e.reason()).contains(PolicyReason.CONTENT_MISMATCH));
    assertThatThrownBy(() -> fx.engine.files().update(BOB, file.id(), ItemPatch.none().withName("a/b.pdf")))
        .isInstanceOfSatisfying(StockageException.class,
            e -> assertThat(e.reason()).contains(PolicyReason.INVALID_NAME));
    assertKind(() -> fx.engine.files().update(BOB, file.id(), ItemPatch.none().withName("taken.pdf").withTags(Set.of("x"))),
        ErrorKind.ALREADY_EXISTS);
    assertThat(fx.engine.files().stat(BOB, file.id()).tags()).as("nothing of a refused update is kept").isEmpty();
    assertThat(fx.engine.files().update(ALICE, folder.id(), ItemPatch.none().withName("Docs 2026")).name())
        .isEqualTo("Docs 2026");
  }

  @Test
  void update_viewerIsDenied_otherOrganizationFindsNothing_trashedItemIsNotFound() {
    Project project = fx.project();
    Item file = file(project, "guarded.pdf");
    ItemPatch patch = ItemPatch.none().withTags(Set.of("x"));

    assertKind(() -> fx.engine.files().update(CAROL, file.id(), patch), ErrorKind.PERMISSION_DENIED);
    assertKind(() -> fx.engine.files().update(MALLORY, file.id(), patch), ErrorKind.NOT_FOUND);
    fx.engine.files().trash(BOB, file.id());
    assertKind(() -> fx.engine.files().update(BOB, file.id(), patch), ErrorKind.NOT_FOUND);
    assertThat(fx.engine.files().stat(ALICE, file.id()).tags()).isEmpty();
  }

  @Test
  void newRevisionCopyAndMove_keepTagsAndFields() {
    Project project = fx.project();
    Item folder = fx.engine.files().createFolder(ALICE, Location.root(project.slug()), "archive");
    Set<String> tags = Set.of("contract", "2026");
    Map<String, Object> fields = Map.of("reference", "C-7", "pages", 3.5);
    Item file = fx.engine.files().update(BOB, file(project, "contract.pdf").id(), ItemPatch.none().withTags(tags).withCustomFields(fields));

    Item written = fx.engine.files().write(BOB, file.id(), NewContent.of(new ByteArrayInputStream(Samples.pdf("v2"))));
    Item copy = fx.engine.files().copy(BOB, file.id(), Location.root(project.slug()), "contract-copy.pdf");
    Item moved = fx.engine.files().move(BOB, file.id(), Location.of(project.slug(), folder.id()));

    for (Item item : List.of(written, copy, moved, fx.engine.files().stat(BOB, file.id()), fx.engine.files().stat(BOB, copy.id()))) {
      assertThat(item.tags()).isEqualTo(tags);
      assertThat(item.customFields()).isEqualTo(fields);
    }
    assertThat(written.revision()).isEqualTo(2);
  }

  @Test
  void list_returnsEachItemsTagsAndFields() {
    Project project = fx.project();
    Item tagged = fx.engine.files().update(BOB, file(project, "a.pdf").id(), ItemPatch.none().withTags(Set.of("red")).withCustomFields(Map.of("pages", 2)));
    Item plain = file(project, "b.pdf");
    Item folder = fx.engine.files().update(ALICE, fx.engine.files().createFolder(ALICE, Location.root(project.slug()), "f").id(), ItemPatch.none().withTags(Set.of("folder", "blue")).withCustomFields(Map.of("signed", false)));

    List<Item> listed = fx.engine.files().list(CAROL, Location.root(project.slug()), PageRequest.first(10)).items();

    assertThat(listed).containsExactly(folder, tagged, plain);
    assertThat(tagged.customFields()).containsEntry("pages", 2L);
  }
}
