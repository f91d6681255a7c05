package io.stockage.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stockage.ErrorKind;
import io.stockage.FieldDefinition;
import io.stockage.FieldType;
import io.stockage.Item;
import io.stockage.ItemPatch;
import io.stockage.NewProject;
import io.stockage.OrgPermission;
import io.stockage.Project;
import io.stockage.StockageException;
import io.stockage.Subject;
import io.stockage.testkit.Samples;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Custom field definitions and the validation of item values against them. Definitions are
 * organization-wide, so every test works in an organization of its own.
 */
class CustomFieldsIT {
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

  /** A new organization: its admin, and a file its admin uploaded. */
  private record Org(Subject admin, Item file) {
    static Org create(FieldDefinition... fields) {
      Subject admin = Subject.of("org-" + UUID.randomUUID(), "admin", OrgPermission.ADMIN);
      for (FieldDefinition field : fields) {
        fx.engine.fields().define(admin, field);
      }
      Project project = fx.engine.projects().create(admin, NewProject.of("p", "Project"));
      return new Org(admin, fx.upload(admin, project, "doc.pdf", Samples.pdf("doc")));
    }

    Item update(Map<String, Object> fields) {
      return fx.engine.files().update(admin, file.id(), ItemPatch.none().withCustomFields(fields));
    }

    void assertInvalid(Map<String, Object> fields, String field) {
      assertThatThrownBy(() -> update(fields)).as("%s", fields).isInstanceOfSatisfying(StockageException.class, e -> {
        assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
        assertThat(e.detail()).contains("custom field " + field);
      });
    }
  }

  @Test
  void update_valuesOfEveryType_areStoredAndNormalized() {
    Org org = Org.create(FieldDefinition.optional("title", FieldType.TEXT), FieldDefinition.optional("count", FieldType.NUMBER),
        FieldDefinition.optional("ratio", FieldType.NUMBER), FieldDefinition.optional("done", FieldType.BOOLEAN),
        FieldDefinition.optional("due", FieldType.DATE), choice("phase", false, "draft", "final"));

    Item updated = org.update(Map.of("title", "Plan «B»", "count", 3, "ratio", new BigDecimal("0.25"),
        "done", false, "due", "2026-11-23", "phase", "final"));

    Map<String, Object> expected = Map.of("title", "Plan «B»", "count", 3L, "ratio", 0.25, "done", false,
        "due", "2026-11-23", "phase", "final");
    assertThat(updated.customFields()).isEqualTo(expected);
    assertThat(fx.engine.files().stat(org.admin(), org.file().id()).customFields()).isEqualTo(expected);
    assertThat(org.update(Map.of()).customFields()).as("replaced whole").isEmpty();
  }

  @Test
  void update_unknownField_isInvalidArgumentNamingIt() {
    Org org = Org.create(FieldDefinition.optional("known", FieldType.TEXT));
    org.assertInvalid(Map.of("known", "x", "unknown", "y"), "unknown");
  }

  @Test
  void update_valueOfTheWrongType_isInvalidArgumentNamingTheField() {
    Org org = Org.create(FieldDefinition.optional("text", FieldType.TEXT), FieldDefinition.optional("number", FieldType.NUMBER),
        FieldDefinition.optional("flag", FieldType.BOOLEAN), FieldDefinition.optional("day", FieldType.DATE),
        choice("pick", false, "a", "b"));
    org.assertInvalid(Map.of("text", 12L), "text");
    org.assertInvalid(Map.of("text", "x".repeat(1001)), "text");
    org.assertInvalid(Map.of("text", "nul \u0000"), "text");
    org.assertInvalid(Map.of("number", "12"), "number");
    org.assertInvalid(Map.of("number", Double.NaN), "number");
    org.assertInvalid(Map.of("number", Double.NEGATIVE_INFINITY), "number");
    org.assertInvalid(Map.of("number", new BigDecimal("1e400")), "number");
    org.assertInvalid(Map.of("flag", "true"), "flag");
    org.assertInvalid(Map.of("day", "23/11/2026"), "day");
    org.assertInvalid(Map.of("day", "2026-02-30"), "day");
    org.assertInvalid(Map.of("day", 20261123L), "day");
    org.assertInvalid(Map.of("pick", "c"), "pick");
    org.assertInvalid(Map.of("pick", "A"), "pick");
    org.assertInvalid(Map.of("pick", 1L), "pick");
    assertThat(org.update(Map.of("text", "x".repeat(1000), "number", -1e-3, "day", "2024-02-29", "pick", "b"))
        .customFields()).containsEntry("number", -0.001).containsEntry("pick", "b");
  }

  @Test
  void update_numbers_comeBackAsLongWhenIntegralElseDouble() {
    Org org = Org.create(FieldDefinition.optional("n", FieldType.NUMBER));
    Map<Object, Object> cases = Map.of(7, 7L, 2.0, 2L, 2.5f, 2.5, new BigDecimal("10.00"), 10L, (short) -4, -4L,
        Long.MIN_VALUE, Long.MIN_VALUE, 1e20, 1e20);
    cases.forEach((given, expected) -> {
      Map<String, Object> value = Map.of("n", given);
      assertThat(org.update(value).customFields()).as("%s", given).containsEntry("n", expected);
      assertThat(fx.engine.files().stat(org.admin(), org.file().id()).customFields()).as("%s", given)
          .containsEntry("n", expected);
    });
  }

  @Test
  void update_requiredFieldMissing_isInvalidArgument_butOtherChangesNeedNoFields() {
    Org org = Org.create(new FieldDefinition("client", FieldType.TEXT, true, List.of()),
        FieldDefinition.optional("note", FieldType.TEXT));
    org.assertInvalid(Map.of("note", "no client"), "client");
    org.assertInvalid(Map.of(), "client");

    assertThat(org.update(Map.of("client", "ACME")).customFields()).containsEntry("client", "ACME");
    Item tagged = fx.engine.files().update(org.admin(), org.file().id(), ItemPatch.none().withTags(Set.of("t")));
    assertThat(tagged.customFields()).containsEntry("client", "ACME");
  }

  @Test
  void defineField_byNonAdmin_isPermissionDenied() {
    for (Subject subject : List.of(EngineFixture.ALICE, EngineFixture.BOB,
        Subject.of("acme", "editor", OrgPermission.CHANGE, OrgPermission.CREATE_PROJECT))) {
      assertThatThrownBy(() -> fx.engine.fields().define(subject, FieldDefinition.optional("x", FieldType.TEXT)))
          .isInstanceOfSatisfying(StockageException.class,
              e -> assertThat(e.kind()).isEqualTo(ErrorKind.PERMISSION_DENIED));
    }
    assertThat(fx.engine.fields().list(EngineFixture.ALICE)).isEmpty();
    assertThat(fx.count("select count(*) from audit_log where action = 'define-field' and outcome = 'DENIED'"))
        .isEqualTo(3);
  }

  @Test
  void defineField_redefines_andFieldsListsByNameForAnyoneOfTheOrganizationOnly() {
    Org org = Org.create(FieldDefinition.optional("zone", FieldType.TEXT), FieldDefinition.optional("Area", FieldType.NUMBER));
    FieldDefinition zone = choice("zone", true, "north", "south");
    assertThat(fx.engine.fields().define(org.admin(), zone)).isEqualTo(zone);
    Subject member = new Subject(org.admin().org(), io.stockage.UserId.of("member"), Set.of());

    assertThat(fx.engine.fields().list(member)).containsExactly(FieldDefinition.optional("Area", FieldType.NUMBER), zone);
    assertThat(fx.engine.fields().list(Org.create().admin())).isEmpty();
    assertThat(fx.count("select count(*) from audit_log where action = 'define-field' and outcome = 'ALLOWED'"
        + " and org_id = ?", org.admin().org().value())).isEqualTo(3);
  }

  @Test
  void defineField_unstorableChoice_isInvalidArgument() {
    Subject admin = Subject.of("org-" + UUID.randomUUID(), "admin", OrgPermission.ADMIN);
    assertThatThrownBy(() -> fx.engine.fields().define(admin, choice("c", false, "ok", "nul\u0000")))
        .isInstanceOfSatisfying(StockageException.class,
            e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT));
    assertThat(fx.engine.fields().list(admin)).isEmpty();
  }

  @Test
  void update_fieldsOfAnotherOrganization_areUnknown() {
    Org other = Org.create(FieldDefinition.optional("secret", FieldType.TEXT));
    Org org = Org.create();
    org.assertInvalid(new HashMap<>(Map.of("secret", "x")), "secret");
    assertThat(other.update(Map.of("secret", "x")).customFields()).containsEntry("secret", "x");
  }

  private static FieldDefinition choice(String name, boolean required, String... choices) {
    return new FieldDefinition(name, FieldType.CHOICE, required, List.of(choices));
  }
}
