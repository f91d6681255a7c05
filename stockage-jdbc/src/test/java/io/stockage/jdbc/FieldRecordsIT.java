package io.stockage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.FieldDefinition;
import io.stockage.FieldType;
import io.stockage.OrgId;
import io.stockage.spi.catalog.CatalogSession;
import io.stockage.testkit.PostgresExtension;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FieldRecordsIT {
  @RegisterExtension
  static final PostgresExtension POSTGRES = new PostgresExtension();

  private static JdbcCatalog catalog;

  @BeforeAll
  static void createCatalog() {
    catalog = JdbcCatalog.create(POSTGRES.database().dataSource());
  }

  @AfterAll
  static void closeCatalog() {
    catalog.close();
  }

  @Test
  void put_severalFields_listsThemByName() {
    OrgId org = TestData.newOrg();
    FieldDefinition zeta = FieldDefinition.optional("zeta", FieldType.TEXT);
    FieldDefinition alpha = new FieldDefinition("alpha", FieldType.CHOICE, true, List.of("draft", "Ready \"ok\"", "é"));
    FieldDefinition upper = FieldDefinition.optional("Mid", FieldType.NUMBER);
    FieldDefinition due = FieldDefinition.optional("due", FieldType.DATE);
    FieldDefinition flag = new FieldDefinition("flag", FieldType.BOOLEAN, true, List.of());
    put(org, zeta, alpha, upper, due, flag);

    assertThat(list(org)).containsExactly(upper, alpha, due, flag, zeta);
  }

  @Test
  void put_existingName_replacesTheDefinition() {
    OrgId org = TestData.newOrg();
    put(org, FieldDefinition.optional("status", FieldType.TEXT));
    FieldDefinition choice = new FieldDefinition("status", FieldType.CHOICE, true, List.of("open", "closed"));
    put(org, choice);
    assertThat(list(org)).containsExactly(choice);

    FieldDefinition back = FieldDefinition.optional("status", FieldType.TEXT);
    put(org, back);
    assertThat(list(org)).containsExactly(back);
  }

  @Test
  void list_otherOrganizationsFields_neverShows() {
    OrgId one = TestData.newOrg();
    OrgId two = TestData.newOrg();
    FieldDefinition ofOne = FieldDefinition.optional("code", FieldType.TEXT);
    FieldDefinition ofTwo = new FieldDefinition("code", FieldType.NUMBER, true, List.of());
    put(one, ofOne, FieldDefinition.optional("secret", FieldType.BOOLEAN));
    put(two, ofTwo);

    assertThat(list(two)).containsExactly(ofTwo);
    assertThat(list(one)).extracting(FieldDefinition::name).containsExactly("code", "secret");
    assertThat(list(TestData.newOrg())).isEmpty();
  }

  private static void put(OrgId org, FieldDefinition... fields) {
    catalog.inTransaction(s -> {
      for (FieldDefinition field : fields) {
        s.fields().put(org, field);
      }
      return fields.length;
    });
  }

  private static List<FieldDefinition> list(OrgId org) {
    return catalog.read((CatalogSession s) -> s.fields().list(org));
  }
}
