package io.stockage.jdbc;

import static io.stockage.jdbc.TestData.ALICE;
import static io.stockage.jdbc.TestData.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stockage.AuditEntry;
import io.stockage.AuditOutcome;
import io.stockage.Change;
import io.stockage.ChangeCursor;
import io.stockage.ChangeKind;
import io.stockage.ChangePage;
import io.stockage.Item;
import io.stockage.OrgId;
import io.stockage.Page;
import io.stockage.PageRequest;
import io.stockage.Project;
import io.stockage.ProjectRole;
import io.stockage.spi.catalog.AuditHashes;
import io.stockage.spi.catalog.AuditHead;
import io.stockage.spi.catalog.AuditLink;
import io.stockage.spi.catalog.AuditRecord;
import io.stockage.spi.catalog.ChangeRecord;
import io.stockage.spi.catalog.FeedSpec;
import io.stockage.testkit.PostgresExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ChangeAndAuditRecordsIT {
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
  void change_itemAndProjectChanges_readBackInOrderWithWhatTheyCarry() {
    Project project = TestData.newProject(catalog, "feed");
    catalog.inTransaction(s -> s.projects().putMember(project.id(), ALICE, ProjectRole.VIEWER, T0));
    Item folder = TestData.folder(project, Optional.empty(), "plans");
    Item file = TestData.file(project, Optional.of(folder.id()), "a.pdf");
    TestData.insert(catalog, folder, file);
    ChangeCursor start = catalog.read(s -> s.changes().horizon());

    catalog.inTransaction(s -> {
      s.changes().append(ChangeRecord.of(file, ChangeKind.ADDED, ALICE, T0));
      return null;
    });
    catalog.inTransaction(s -> {
      s.changes().append(ChangeRecord.of(project, ChangeKind.PERMISSIONS_CHANGED, ALICE, T0));
      return null;
    });
    ChangePage page = catalog.read(s -> s.changes().read(
        new FeedSpec(project.org(), ALICE, Set.of(), false, false, Optional.empty()), start, 10));

    assertThat(page.changes()).extracting(Change::kind)
        .containsExactly(ChangeKind.ADDED, ChangeKind.PERMISSIONS_CHANGED);
    Change added = page.changes().get(0);
    assertThat(added).isEqualTo(new Change(added.cursor(), ChangeKind.ADDED, Optional.of(project.id()),
        Optional.of(file.id()), Optional.of(folder.id()), Optional.of("a.pdf"), OptionalInt.of(1), Optional.of(ALICE),
        Optional.empty(), Optional.empty(), T0));
    Change members = page.changes().get(1);
    assertThat(members.item()).isEmpty();
    assertThat(members.revision()).isEmpty();
    assertThat(members.cursor()).isGreaterThan(added.cursor());
    assertThat(page.next()).isGreaterThan(members.cursor());
  }

  @Test
  void change_withIndexJob_queuesTheItemsJobFromTheRow_andAPlainAppendQueuesNone() throws SQLException {
    Project project = TestData.newProject(catalog, "jobs");
    Item file = TestData.file(project, Optional.empty(), "indexed.pdf");
    Item moved = TestData.file(project, Optional.empty(), "moved.pdf");
    TestData.insert(catalog, file, moved);

    catalog.inTransaction(s -> {
      s.changes().appendWithIndexJob(ChangeRecord.of(file, ChangeKind.UPDATED, ALICE, T0));
      s.changes().append(ChangeRecord.of(moved, ChangeKind.MOVED, ALICE, T0));
      return null;
    });

    assertThat(text("SELECT string_agg(j.reason || ' r' || j.revision || ' ' || (j.run_after = j.created_at)"
        + " || ' ' || (j.created_at = c.at) || ' ' || (j.org_id = c.org_id), ',') FROM index_jobs j"
        + " JOIN changes c ON c.item_id = j.item_id WHERE j.item_id = ?", file.id().value()))
        .isEqualTo("UPDATED r1 true true true");
    assertThat(text("SELECT count(*) FROM index_jobs WHERE item_id = ?", moved.id().value())).isEqualTo("0");
    assertThat(text("SELECT count(*) FROM changes WHERE item_id = ?", moved.id().value())).isEqualTo("1");
    assertThatThrownBy(() -> catalog.inTransaction(s -> {
      s.changes().appendWithIndexJob(ChangeRecord.of(project, ChangeKind.ADDED, ALICE, T0));
      return null;
    })).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void changeWithAudit_writesTheChange_itsJobWhenAsked_andAChainedAuditRow() throws SQLException {
    Project project = TestData.newProject(catalog, "journal");
    Item file = TestData.file(project, Optional.empty(), "journaled.pdf");
    Item moved = TestData.file(project, Optional.empty(), "moved.pdf");
    TestData.insert(catalog, file, moved);
    AuditRecord upload = new AuditRecord(project.org(), ALICE, "upload", file.id().toString(), AuditOutcome.ALLOWED,
        Map.of("revision", "1", "name", "École ✓"), T0.plusNanos(789));
    AuditRecord move = new AuditRecord(project.org(), ALICE, "move", moved.id().toString(), AuditOutcome.ALLOWED,
        Map.of(), T0);

    catalog.inTransaction(s -> {
      s.changes().appendWithAudit(ChangeRecord.of(file, ChangeKind.ADDED, ALICE, T0), true, upload);
      s.changes().appendWithAudit(ChangeRecord.of(moved, ChangeKind.MOVED, ALICE, T0), false, move);
      return null;
    });

    assertThat(text("SELECT string_agg(c.kind || ':' || (SELECT count(*) FROM index_jobs j WHERE j.item_id = c.item_id),"
        + " ',' ORDER BY c.seq) FROM changes c WHERE c.project_id = ?", project.id().value()))
        .isEqualTo("ADDED:1,MOVED:0");
    List<AuditLink> chain = catalog.read(s -> s.audit().chain(project.org(), 0, 10));
    assertThat(chain).extracting(l -> l.entry().action()).containsExactly("upload", "move");
    assertThat(chain.get(0).entry().hash()).as("the row as the engine hashes it")
        .isEqualTo(AuditHashes.hash(chain.get(0).entry().id(), upload, AuditHashes.GENESIS));
    assertThat(chain.get(1).entry().hash()).isEqualTo(AuditHashes.hash(chain.get(1).entry(), chain.get(0).entry().hash()));
    assertThatThrownBy(() -> catalog.inTransaction(s -> {
      s.changes().appendWithAudit(ChangeRecord.of(project, ChangeKind.ADDED, ALICE, T0), true, move);
      return null;
    })).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void changeWithAudit_waitsForTheNextCallOrTheCommit_inTheOrderTheWorkGave() throws SQLException {
    Project project = TestData.newProject(catalog, "behind");
    Item file = TestData.file(project, Optional.empty(), "behind.pdf");
    TestData.insert(catalog, file);
    AuditRecord first = new AuditRecord(project.org(), ALICE, "rename", file.id().toString(), AuditOutcome.ALLOWED,
        Map.of(), T0);
    AuditRecord second = new AuditRecord(project.org(), ALICE, "download", file.id().toString(), AuditOutcome.ALLOWED,
        Map.of(), T0);

    // The journal's write waits; the next call sends it first, so the chain keeps the work's order.
    int seen = catalog.inTransaction(s -> {
      s.changes().appendWithAudit(ChangeRecord.of(file, ChangeKind.UPDATED, ALICE, T0), false, first);
      s.audit().append(second);
      return s.audit().chain(project.org(), 0, 10).size();
    });
    assertThat(seen).isEqualTo(2);
    List<AuditLink> ordered = catalog.read(s -> s.audit().chain(project.org(), 0, 10));
    assertThat(ordered).extracting(l -> l.entry().action()).containsExactly("rename", "download");

    // Work that fails after the journal's write: neither its change nor its audit row stays.
    assertThatThrownBy(() -> catalog.inTransaction(s -> {
      s.changes().appendWithAudit(ChangeRecord.of(file, ChangeKind.UPDATED, ALICE, T0), false, first);
      throw new IllegalStateException("the work fails");
    })).hasMessage("the work fails");
    assertThat(text("SELECT count(*) FROM changes WHERE item_id = ?", file.id().value())).isEqualTo("1");
    List<AuditLink> kept = catalog.read(s -> s.audit().chain(project.org(), 0, 10));
    assertThat(kept).hasSize(2);

    // A transaction whose only statement is the waiting write: it begins, runs and commits in one request.
    catalog.inTransaction(s -> {
      s.changes().appendWithAudit(ChangeRecord.of(file, ChangeKind.UPDATED, ALICE, T0), false, first);
      return null;
    });
    assertThat(text("SELECT count(*) FROM changes WHERE item_id = ?", file.id().value())).isEqualTo("2");
    List<AuditLink> chain = catalog.read(s -> s.audit().chain(project.org(), 0, 10));
    assertThat(chain).extracting(l -> l.entry().action()).containsExactly("rename", "download", "rename");
    for (int n = 1; n < chain.size(); n++) {
      assertThat(chain.get(n).entry().hash()).as("row %d chained to the one before", n)
          .isEqualTo(AuditHashes.hash(chain.get(n).entry(), chain.get(n - 1).entry().hash()));
    }
  }

  @Test
  void audit_detailsWithJsonCharacters_storedAsJsonObjectOfStrings() throws SQLException {
    OrgId org = TestData.newOrg();
    Map<String, String> details = Map.of("name", "a \"quoted\", {braced} \\ name", "revision", "2");
    catalog.inTransaction(s -> {
      s.audit().append(new AuditRecord(org, ALICE, "upload", "item-1", AuditOutcome.ALLOWED, details, T0));
      s.audit().append(new AuditRecord(org, ALICE, "download", "item-1", AuditOutcome.DENIED, Map.of(), T0));
      return org;
    });

    assertThat(text("SELECT details ->> 'name' FROM audit_log WHERE org_id = ? ORDER BY id LIMIT 1", org.value()))
        .isEqualTo("a \"quoted\", {braced} \\ name");
    assertThat(text("SELECT jsonb_typeof(details -> 'revision') FROM audit_log WHERE org_id = ? ORDER BY id LIMIT 1",
        org.value())).isEqualTo("string");
    assertThat(text("SELECT outcome || ' ' || details::text FROM audit_log WHERE org_id = ? ORDER BY id DESC LIMIT 1",
        org.value())).isEqualTo("DENIED {}");
  }

  @Test
  void audit_twoRows_chainFromGenesisAndHeadNamesTheLast() {
    OrgId org = TestData.newOrg();
    AuditRecord first = new AuditRecord(org, ALICE, "upload", "item-1", AuditOutcome.ALLOWED,
        Map.of("size", "3", "name", "École d'été ✓.pdf"),
        T0.plusNanos(789));
    AuditRecord second = new AuditRecord(org, ALICE, "delete", "item-1", AuditOutcome.FAILED, Map.of(), T0);
    catalog.inTransaction(s -> {
      s.audit().append(first);
      s.audit().append(second);
      return org;
    });

    List<AuditLink> chain = catalog.read(s -> s.audit().chain(org, 0, 10));
    AuditHead head = catalog.read(s -> s.audit().head(org)).orElseThrow();

    assertThat(chain).hasSize(2);
    AuditEntry one = chain.get(0).entry();
    AuditEntry two = chain.get(1).entry();
    assertThat(one.at()).isEqualTo(T0);
    assertThat(chain.get(0).prevHash()).isEqualTo(AuditHashes.GENESIS);
    assertThat(one.hash()).isEqualTo(AuditHashes.hash(one.id(), first, AuditHashes.GENESIS));
    assertThat(chain.get(1).prevHash()).isEqualTo(one.hash());
    assertThat(two.hash()).isEqualTo(AuditHashes.hash(two, one.hash()));
    assertThat(head).isEqualTo(new AuditHead(two.id(), two.hash(), 0));
  }

  @Test
  void auditLog_threeRows_newestFirstInPages() {
    OrgId org = TestData.newOrg();
    catalog.inTransaction(s -> {
      for (String action : List.of("a", "b", "c")) {
        s.audit().append(new AuditRecord(org, ALICE, action, "t", AuditOutcome.ALLOWED, Map.of(), T0));
      }
      s.audit().append(new AuditRecord(TestData.newOrg(), ALICE, "other", "t", AuditOutcome.ALLOWED, Map.of(), T0));
      return org;
    });

    Page<AuditEntry> first = catalog.read(s -> s.audit().list(org, PageRequest.first(2)));
    Page<AuditEntry> second = catalog.read(s -> s.audit().list(org, first.next().orElseThrow()));

    assertThat(first.items()).extracting(AuditEntry::action).containsExactly("c", "b");
    assertThat(first.hasNext()).isTrue();
    assertThat(second.items()).extracting(AuditEntry::action).containsExactly("a");
    assertThat(second.hasNext()).isFalse();
  }

  @Test
  void auditChain_detailsEditedToNumber_readWithoutTheHashMatching() throws SQLException {
    OrgId org = TestData.newOrg();
    catalog.inTransaction(s -> {
      s.audit().append(new AuditRecord(org, ALICE, "a", "t", AuditOutcome.ALLOWED, Map.of("revision", "2"), T0));
      return org;
    });
    MigrationIT.execute(POSTGRES.database().dataSource(),
        "UPDATE audit_log SET details = '{\"revision\": 2}' WHERE org_id = '" + org.value() + "'");

    AuditLink link = catalog.read(s -> s.audit().chain(org, 0, 10)).get(0);

    assertThat(AuditHashes.hash(link.entry(), link.prevHash())).isNotEqualTo(link.entry().hash());
  }

  private static String text(String sql, Object parameter) throws SQLException {
    DataSource dataSource = POSTGRES.database().dataSource();
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, parameter);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getString(1);
      }
    }
  }
}
