package io.stockage.jdbc;

import static io.stockage.jdbc.TestData.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stockage.ErrorKind;
import io.stockage.Item;
import io.stockage.Page;
import io.stockage.PageRequest;
import io.stockage.Project;
import io.stockage.Revision;
import io.stockage.StockageException;
import io.stockage.spi.catalog.BlobRecord;
import io.stockage.spi.catalog.CatalogSession;
import io.stockage.spi.catalog.RevisionRecord;
import io.stockage.testkit.PostgresExtension;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BlobRecordsIT {
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
  void insertIfAbsent_sameKeyTwice_insertsOnceUnreferenced() {
    String mount = newMount();

    Optional<BlobRecord> first = catalog.inTransaction(s -> s.blobs().insertIfAbsent(mount, "k", "aa", 5, T0));
    Optional<BlobRecord> second = catalog.inTransaction(s -> s.blobs().insertIfAbsent(mount, "k", "bb", 6, T0));

    assertThat(first).hasValueSatisfying(blob -> {
      assertThat(blob).isEqualTo(new BlobRecord(blob.id(), mount, "k", "aa", 5, 0, Optional.of(T0)));
    });
    assertThat(second).isEmpty();
    assertThat(catalog.inTransaction((CatalogSession s) -> s.blobs().lock(mount, "k"))).isEqualTo(first);
    assertThat(catalog.inTransaction((CatalogSession s) -> s.blobs().lock(mount, "other"))).isEmpty();
  }

  @Test
  void referenceAndRelease_countDropsToZero_marksUnreferencedSince() {
    String mount = newMount();
    BlobRecord blob = insert(mount, "k", T0);
    Instant released = TestData.later();

    catalog.inTransaction(s -> {
      s.blobs().reference(blob.id());
      s.blobs().reference(blob.id());
      return blob;
    });
    BlobRecord referenced = lock(mount, "k");
    catalog.inTransaction(s -> {
      s.blobs().release(blob.id(), T0);
      return blob;
    });
    BlobRecord once = lock(mount, "k");
    catalog.inTransaction(s -> {
      s.blobs().release(blob.id(), released);
      return blob;
    });

    assertThat(referenced.refCount()).isEqualTo(2);
    assertThat(referenced.unreferencedSince()).isEmpty();
    assertThat(once.refCount()).isEqualTo(1);
    assertThat(once.unreferencedSince()).isEmpty();
    assertThat(lock(mount, "k").refCount()).isZero();
    assertThat(lock(mount, "k").unreferencedSince()).contains(released);
  }

  @Test
  void release_atZero_failsUnexpected() {
    BlobRecord blob = insert(newMount(), "k", T0);

    assertThatThrownBy(() -> catalog.inTransaction(s -> {
      s.blobs().release(blob.id(), T0);
      return blob;
    })).isInstanceOfSatisfying(StockageException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNEXPECTED));
  }

  @Test
  void lockUnreferenced_mixedBlobs_returnsOldUnreferencedUpToLimitSkippingLocked() {
    String mount = newMount();
    Instant cutoff = T0.plusSeconds(100);
    BlobRecord oldest = insert(mount, "oldest", T0);
    BlobRecord old = insert(mount, "old", T0.plusSeconds(1));
    BlobRecord older = insert(mount, "older", T0.plusSeconds(2));
    insert(mount, "recent", cutoff.plusSeconds(1));
    BlobRecord used = insert(mount, "used", T0);
    insert(newMount(), "elsewhere", T0);
    catalog.inTransaction(s -> {
      s.blobs().reference(used.id());
      return used;
    });

    List<Long> limited = catalog.inTransaction(s -> ids(s.blobs().lockUnreferenced(mount, cutoff, 2)));
    List<Long> skipping = catalog.inTransaction(s -> {
      s.blobs().lock(mount, "oldest");
      // Another transaction, on another connection, while this one holds the lock.
      return catalog.inTransaction(other -> ids(other.blobs().lockUnreferenced(mount, cutoff, 10)));
    });

    assertThat(limited).containsExactly(oldest.id(), old.id());
    assertThat(skipping).containsExactly(old.id(), older.id());
  }

  @Test
  void delete_blob_isGoneAndDeletingAgainDoesNothing() {
    String mount = newMount();
    BlobRecord blob = insert(mount, "k", T0);

    catalog.inTransaction(s -> {
      s.blobs().delete(blob.id());
      s.blobs().delete(blob.id());
      return blob;
    });

    assertThat(catalog.inTransaction((CatalogSession s) -> s.blobs().lock(mount, "k"))).isEmpty();
  }

  @Test
  void revisions_insertedThree_listNewestFirstWithBlobKey() {
    Project project = TestData.newProject(catalog, "revisions");
    Item file = TestData.file(project, Optional.empty(), "a.pdf");
    TestData.insert(catalog, file);
    BlobRecord blob = insert(TestData.MOUNT, "rev/" + UUID.randomUUID(), T0);
    Revision restore = new Revision(file.id(), 3, 3, "cd".repeat(32), "application/pdf", TestData.ALICE,
        TestData.later(), Optional.empty(), OptionalInt.of(1));
    catalog.inTransaction(s -> {
      s.revisions().insert(new RevisionRecord(TestData.revision(file.id(), 1), blob.id(), blob.key()));
      s.revisions().insert(new RevisionRecord(TestData.revision(file.id(), 2), blob.id(), blob.key()));
      s.revisions().insert(new RevisionRecord(restore, blob.id(), blob.key()));
      return blob;
    });

    Page<RevisionRecord> first = catalog.read(s -> s.revisions().list(file.id(), PageRequest.first(2)));
    Page<RevisionRecord> second = catalog.read(s -> s.revisions().list(file.id(), first.next().orElseThrow()));

    assertThat(first.items()).extracting(r -> r.revision().number()).containsExactly(3, 2);
    assertThat(first.hasNext()).isTrue();
    assertThat(second.items()).extracting(r -> r.revision().number()).containsExactly(1);
    assertThat(second.hasNext()).isFalse();
    assertThat(catalog.read((CatalogSession s) -> s.revisions().find(file.id(), 3)))
        .contains(new RevisionRecord(restore, blob.id(), blob.key()));
    assertThat(first.items().get(1).revision().comment()).contains("rev 2");
  }

  @Test
  void revisionInsert_keyNotTheBlobs_failsUnexpected() {
    Project project = TestData.newProject(catalog, "wrong-key");
    Item file = TestData.file(project, Optional.empty(), "a.pdf");
    TestData.insert(catalog, file);
    BlobRecord blob = insert(TestData.MOUNT, "rev/" + UUID.randomUUID(), T0);

    assertThatThrownBy(() -> catalog.inTransaction(s -> {
      s.revisions().insert(new RevisionRecord(TestData.revision(file.id(), 1), blob.id(), "another/key"));
      return blob;
    })).isInstanceOfSatisfying(StockageException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNEXPECTED));
  }

  private static String newMount() {
    return "mount-" + UUID.randomUUID();
  }

  private static BlobRecord insert(String mount, String key, Instant at) {
    return catalog.inTransaction(s -> s.blobs().insertIfAbsent(mount, key, "aa", 5, at)).orElseThrow();
  }

  private static BlobRecord lock(String mount, String key) {
    return catalog.inTransaction(s -> s.blobs().lock(mount, key)).orElseThrow();
  }

  private static List<Long> ids(List<BlobRecord> blobs) {
    return blobs.stream().map(BlobRecord::id).toList();
  }
}
