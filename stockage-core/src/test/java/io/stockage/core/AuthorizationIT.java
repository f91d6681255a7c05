package io.stockage.core;

import static io.stockage.core.EngineFixture.ALICE;
import static io.stockage.core.EngineFixture.BOB;
import static io.stockage.core.EngineFixture.CAROL;
import static io.stockage.core.EngineFixture.DAVE;
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
import io.stockage.NewProject;
import io.stockage.OrgPermission;
import io.stockage.PageRequest;
import io.stockage.Project;
import io.stockage.ProjectRole;
import io.stockage.StockageException;
import io.stockage.Subject;
import io.stockage.Upload;
import io.stockage.testkit.Samples;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class AuthorizationIT {
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

  /** Every facade operation on an existing item, folder and project, as the given subject. */
  private static Map<String, Executable> everyOperation(Subject s, Project project, Item file, Item folder) {
    Map<String, Executable> ops = new LinkedHashMap<>();
    String slug = project.slug();
    ops.put("project", () -> fx.engine.projects().get(s, slug));
    ops.put("members", () -> fx.engine.projects().members(s, slug));
    ops.put("permissions", () -> fx.engine.projects().permissions(s, slug));
    ops.put("addMember", () -> fx.engine.projects().addMember(s, slug, s.user(), ProjectRole.ADMIN));
    ops.put("removeMember", () -> fx.engine.projects().removeMember(s, slug, BOB.user()));
    ops.put("list", () -> fx.engine.files().list(s, Location.root(slug), PageRequest.first(10)));
    ops.put("listFolder", () -> fx.engine.files().list(s, Location.of(slug, folder.id()), PageRequest.first(10)));
    ops.put("createFolder", () -> fx.engine.files().createFolder(s, Location.root(slug), "x"));
    ops.put("upload", () -> fx.engine.files().upload(s, Upload.of(slug, "x.pdf", new ByteArrayInputStream(Samples.pdf("x")))));
    ops.put("stat", () -> fx.engine.files().stat(s, file.id()));
    ops.put("open", () -> fx.engine.files().open(s, file.id()));
    ops.put("write", () -> fx.engine.files().write(s, file.id(), NewContent.of(new ByteArrayInputStream(Samples.pdf("y")))));
    ops.put("rename", () -> fx.engine.files().rename(s, file.id(), "renamed.pdf"));
    ops.put("move", () -> fx.engine.files().move(s, file.id(), Location.of(project.slug(), folder.id())));
    ops.put("copy", () -> fx.engine.files().copy(s, file.id(), Location.root(project.slug()), "copy.pdf"));
    ops.put("update", () -> fx.engine.files().update(s, file.id(), ItemPatch.none().withTags(Set.of("x"))));
    ops.put("delete", () -> fx.engine.files().trash(s, file.id()));
    ops.put("restore", () -> fx.engine.files().restore(s, file.id()));
    ops.put("purge", () -> fx.engine.files().purge(s, file.id()));
    return ops;
  }

  @Test
  void anotherOrg_getsNotFoundForEveryOperation() {
    Project project = fx.project();
    Item folder = fx.engine.files().createFolder(ALICE, Location.root(project.slug()), "docs");
    Item file = fx.upload(BOB, project, "plan.pdf", Samples.pdf("secret"));
    everyOperation(MALLORY, project, file, folder).forEach((name, call) ->
        assertThatThrownBy(call::execute).as(name).isInstanceOfSatisfying(StockageException.class,
            e -> assertThat(e.kind()).as(name).isEqualTo(ErrorKind.NOT_FOUND)));
    assertThat(fx.engine.projects().list(MALLORY, PageRequest.first(100)).items()).isEmpty();
    assertThat(fx.engine.files().stat(ALICE, file.id()).revision()).isEqualTo(1);
    assertThat(fx.count("select count(*) from audit_log where actor = 'mallory' and outcome = 'DENIED' "
        + "and target = ?", file.id().toString())).isGreaterThanOrEqualTo(10);
  }

  @Test
  void projectPermissions_areTheRolesAtTheRoot_andNeedView() {
    Project project = fx.project();
    assertThat(fx.engine.projects().permissions(CAROL, project.slug())).isEqualTo(ProjectRole.VIEWER.permissions());
    assertThat(fx.engine.projects().permissions(BOB, project.slug())).isEqualTo(ProjectRole.EDITOR.permissions());
    assertThat(fx.engine.projects().permissions(ALICE, project.slug())).isEqualTo(ProjectRole.ADMIN.permissions());
    assertKind(() -> fx.engine.projects().permissions(DAVE, project.slug()), ErrorKind.NOT_FOUND);
  }

  @Test
  void nonMember_getsNotFound() {
    Project project = fx.project();
    Item file = fx.upload(BOB, project, "plan.pdf", Samples.pdf("secret"));
    assertKind(() -> fx.engine.files().stat(DAVE, file.id()), ErrorKind.NOT_FOUND);
    assertKind(() -> fx.engine.projects().get(DAVE, project.slug()), ErrorKind.NOT_FOUND);
  }

  @Test
  void viewer_mayReadButNotWriteOrDelete() throws Exception {
    Project project = fx.project();
    Item folder = fx.engine.files().createFolder(ALICE, Location.root(project.slug()), "docs");
    Item file = fx.upload(BOB, project, "plan.pdf", Samples.pdf("content"));
    fx.engine.files().stat(CAROL, file.id());
    fx.engine.files().open(CAROL, file.id()).close();
    fx.engine.files().list(CAROL, Location.root(project.slug()), PageRequest.first(10));
    for (String denied : new String[] {"write", "rename", "move", "update", "delete", "upload", "createFolder",
        "addMember", "removeMember"}) {
      assertKind(everyOperation(CAROL, project, file, folder).get(denied), ErrorKind.PERMISSION_DENIED);
    }
    assertThat(fx.count("select count(*) from audit_log where actor = 'carol' and outcome = 'DENIED'"))
        .isGreaterThanOrEqualTo(9);
    assertThat(fx.engine.files().stat(ALICE, file.id()).revision()).isEqualTo(1);
  }

  @Test
  void editor_mayWriteAndDelete_butNotShare() {
    Project project = fx.project();
    Item file = fx.upload(ALICE, project, "plan.pdf", Samples.pdf("content"));
    assertThat(fx.engine.files().write(BOB, file.id(), NewContent.of(new ByteArrayInputStream(Samples.pdf("v2")))).revision())
        .isEqualTo(2);
    assertKind(() -> fx.engine.projects().addMember(BOB, project.slug(), DAVE.user(), ProjectRole.VIEWER), ErrorKind.PERMISSION_DENIED);
    fx.engine.files().trash(BOB, file.id());
  }

  @Test
  void owner_keepsAdminOnOwnItem_afterLosingProjectRole() {
    Project project = fx.project();
    Item file = fx.upload(BOB, project, "mine.pdf", Samples.pdf("mine"));
    fx.engine.projects().removeMember(ALICE, project.slug(), BOB.user());
    assertThat(fx.engine.files().rename(BOB, file.id(), "still-mine.pdf").name()).isEqualTo("still-mine.pdf");
  }

  @Test
  void orgPermissions_grantAccessWithoutMembership() {
    Project project = fx.project();
    Item file = fx.upload(BOB, project, "plan.pdf", Samples.pdf("content"));
    Subject auditor = Subject.of("acme", "auditor", OrgPermission.VIEW);
    assertThat(fx.engine.files().stat(auditor, file.id()).id()).isEqualTo(file.id());
    assertKind(() -> fx.engine.files().trash(auditor, file.id()), ErrorKind.PERMISSION_DENIED);
    assertThat(fx.engine.projects().list(auditor, PageRequest.first(1000)).items()).extracting(Project::slug)
        .contains(project.slug());
  }

  @Test
  void defineField_byAnotherOrganizationsAdmin_staysInThatOrganization() {
    fx.engine.fields().define(MALLORY, FieldDefinition.optional("globex-only", FieldType.TEXT));
    Project project = fx.project();
    Item file = fx.upload(BOB, project, "plan.pdf", Samples.pdf("fields"));

    assertThat(fx.engine.fields().list(MALLORY)).extracting(FieldDefinition::name).contains("globex-only");
    assertThat(fx.engine.fields().list(BOB)).extracting(FieldDefinition::name).doesNotContain("globex-only");
    assertKind(() -> fx.engine.files().update(BOB, file.id(), ItemPatch.none().withCustomFields(Map.of("globex-only", "x"))),
        ErrorKind.INVALID_ARGUMENT);
  }

  @Test
  void createProject_withoutOrgPermission_isDenied() {
    assertKind(() -> fx.engine.projects().create(BOB, NewProject.of("bobs", "Bob's")), ErrorKind.PERMISSION_DENIED);
  }

  @Test
  void projects_listsOnlyVisibleOnes() {
    Project project = fx.project();
    assertThat(fx.engine.projects().list(CAROL, PageRequest.first(1000)).items()).extracting(Project::slug)
        .contains(project.slug());
    assertThat(fx.engine.projects().list(DAVE, PageRequest.first(1000)).items()).isEmpty();
  }
}
