package io.stockage.core;

import static io.stockage.core.EngineFixture.ALICE;
import static io.stockage.core.EngineFixture.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stockage.ErrorKind;
import io.stockage.Item;
import io.stockage.Location;
import io.stockage.PageRequest;
import io.stockage.Project;
import io.stockage.StockageException;
import io.stockage.UploadPolicy;
import io.stockage.spi.catalog.Catalog;
import io.stockage.spi.catalog.CatalogSession;
import io.stockage.spi.storage.StorageProvider;
import io.stockage.testkit.ForwardingStorageProvider;
import io.stockage.testkit.Samples;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failure between blob promotion and catalog commit: the real catalog, wrapped so that writing
 * the change-feed row (which comes after promotion, in the same transaction) fails once. The
 * upload's intent, committed before the promotion, is what lets the reconciler find the content.
 */
class FaultInjectionIT {
  @TempDir
  Path root;

  /** Small content is written to its key from memory, larger content moved there from staging. */
  @ParameterizedTest
  @ValueSource(ints = {0, 2 << 20})
  void failureAfterPromotion_leavesNoItem_andReconcilerRemovesTheOrphan(int padding) {
    AtomicBoolean fail = new AtomicBoolean();
    try (EngineFixture fx = EngineFixture.start(root, UploadPolicy.defaults(), c -> new FailingCatalog(c, fail))) {
      Project project = fx.project();
      byte[] head = Samples.pdf("orphan to be");
      byte[] pdf = java.util.Arrays.copyOf(head, head.length + padding);
      fail.set(true);
      assertThatThrownBy(() -> fx.upload(BOB, project, "plan.pdf", pdf)).isInstanceOfSatisfying(
          StockageException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE));
      fail.set(false);

      assertThat(fx.engine.files().list(ALICE, Location.root(project.slug()), PageRequest.first(10)).items()).isEmpty();
      assertThat(fx.count("select count(*) from items where type = 'FILE'")).isZero();
      assertThat(fx.count("select count(*) from blobs")).isZero();
      assertThat(fx.objects("org_acme/")).as("the promoted blob is left behind").isEqualTo(1);
      assertThat(fx.objects("staging/")).isZero();

      assertThat(fx.count("select count(*) from blob_intents")).as("the failed upload's intent").isEqualTo(1);
      io.stockage.ReconcileReport report = fx.engine.maintenance().reconcile();
      assertThat(report.orphans()).isEqualTo(1);
      assertThat(fx.objects("org_acme/")).isZero();
      assertThat(fx.count("select count(*) from blob_intents")).isZero();

      assertThat(fx.upload(BOB, project, "plan.pdf", pdf).revision()).as("the next upload works").isEqualTo(1);
      assertThat(fx.count("select count(*) from blob_intents")).as("a committed upload leaves no intent").isZero();
      assertThat(fx.objects("org_acme/")).isEqualTo(1);
      assertThat(fx.engine.maintenance().reconcile().total()).as("a referenced blob stays").isZero();
    }
  }

  /**
   * The reconciler's removal of content no revision references fails after the content is gone
   * (a delete whose answer was lost): the blob row must not outlive its content, or the next upload
   * of the same bytes would reference it and store nothing.
   */
  @Test
  void reconcilerFailingAfterTheContentIsDeleted_leavesNoRowWithoutItsContent() throws java.io.IOException {
    AtomicBoolean lostAnswer = new AtomicBoolean();
    UnaryOperator<StorageProvider> deleteThenFail = storage -> new ForwardingStorageProvider(storage) {
      @Override
      public void delete(String key) {
        super.delete(key);
        if (lostAnswer.get()) {
          throw StockageException.of(ErrorKind.UNAVAILABLE, "injected: the answer to a delete that was done got lost");
        }
      }
    };
    try (EngineFixture fx = EngineFixture.start(root, UnaryOperator.identity(), deleteThenFail, builder -> {})) {
      Project project = fx.project();
      byte[] pdf = Samples.pdf("removed, then uploaded again");
      Item first = fx.upload(BOB, project, "first.pdf", pdf);
      fx.engine.files().trash(ALICE, first.id());
      fx.engine.files().purge(ALICE, first.id());

      lostAnswer.set(true);
      assertThat(fx.engine.maintenance().reconcile().failedMounts()).containsExactly("main");
      lostAnswer.set(false);
      assertThat(fx.objects("org_acme/")).as("the content went before the failure").isZero();

      Item again = fx.upload(BOB, project, "again.pdf", pdf);
      try (io.stockage.Content content = fx.engine.files().open(BOB, again.id())) {
        assertThat(content.stream().readAllBytes()).isEqualTo(pdf);
      }
      assertThat(fx.engine.maintenance().reconcile().total()).as("the referenced content stays").isZero();
      assertThat(fx.objects("org_acme/")).isEqualTo(1);
      assertThat(fx.count("select count(*) from blob_intents")).as("the unfinished removal's intent, swept").isZero();
    }
  }

  /**
   * Another upload takes the name while this one's bytes stream to staging: the commit does not
   * look the name up again, and the item's insert says the name is taken — the other file stays
   * as it was, this upload leaves no item, and its content goes with the reconciler's next pass.
   */
  @Test
  void nameTakenWhileTheBytesStream_isAlreadyExists_andTheOtherFileStays() throws java.io.IOException {
    java.util.concurrent.atomic.AtomicReference<Runnable> whileStaging = new java.util.concurrent.atomic.AtomicReference<>();
    UnaryOperator<StorageProvider> interleave = storage -> new ForwardingStorageProvider(storage) {
      @Override
      public io.stockage.spi.storage.ObjectInfo write(String key, java.io.InputStream data,
          io.stockage.spi.storage.WriteOptions options) {
        Runnable competitor = key.startsWith("staging/") ? whileStaging.getAndSet(null) : null;
        if (competitor != null) {
          competitor.run();
        }
        return super.write(key, data, options);
      }
    };
    try (EngineFixture fx = EngineFixture.start(root, UnaryOperator.identity(), interleave, builder -> {})) {
      Project project = fx.project();
      byte[] theirs = Samples.pdf("theirs");
      byte[] head = Samples.pdf("ours, staged");
      byte[] ours = java.util.Arrays.copyOf(head, head.length + (2 << 20));
      Item[] other = new Item[1];
      whileStaging.set(() -> other[0] = fx.upload(ALICE, project, "plan.pdf", theirs));

      assertThatThrownBy(() -> fx.upload(BOB, project, "plan.pdf", ours)).isInstanceOfSatisfying(
          StockageException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.ALREADY_EXISTS));

      assertThat(other[0]).as("the competing upload ran while ours staged").isNotNull();
      assertThat(fx.count("select count(*) from items where type = 'FILE'")).isEqualTo(1);
      try (io.stockage.Content content = fx.engine.files().open(ALICE, other[0].id())) {
        assertThat(content.stream().readAllBytes()).isEqualTo(theirs);
      }
      assertThat(fx.objects("staging/")).isZero();
      assertThat(fx.engine.maintenance().reconcile().orphans()).as("our promoted content").isEqualTo(1);
      assertThat(fx.objects("org_acme/")).isEqualTo(1);
    }
  }

  /** Delegates to the real catalog; fails appending a change while {@code fail} is set. */
  private record FailingCatalog(Catalog delegate, AtomicBoolean fail) implements Catalog {
    @Override
    public <T> T inTransaction(Function<CatalogSession, T> work) {
      return delegate.inTransaction(session -> work.apply(wrap(session)));
    }

    @Override
    public <T> T read(Function<CatalogSession, T> work) {
      return delegate.read(work);
    }

    @Override
    public void close() {
      delegate.close();
    }

    private CatalogSession wrap(CatalogSession session) {
      return new CatalogSession() {
        @Override
        public io.stockage.spi.catalog.ProjectRecords projects() {
          return session.projects();
        }

        @Override
        public io.stockage.spi.catalog.ItemRecords items() {
          return session.items();
        }

        @Override
        public io.stockage.spi.catalog.RevisionRecords revisions() {
          return session.revisions();
        }

        @Override
        public io.stockage.spi.catalog.BlobRecords blobs() {
          return session.blobs();
        }

        @Override
        public io.stockage.spi.catalog.FieldRecords fields() {
          return session.fields();
        }

        @Override
        public io.stockage.spi.catalog.MountRecords mounts() {
          return session.mounts();
        }

        @Override
        public io.stockage.spi.catalog.AclStore acl() {
          return session.acl();
        }

        @Override
        public io.stockage.spi.catalog.ShareLinkRecords links() {
          return session.links();
        }

        @Override
        public io.stockage.spi.catalog.LiveEntryRecords liveEntries() {
          return session.liveEntries();
        }

        @Override
        public io.stockage.spi.catalog.UploadRecords uploads() {
          return session.uploads();
        }

        @Override
        public io.stockage.spi.catalog.QuotaRecords quotas() {
          return session.quotas();
        }

        @Override
        public io.stockage.spi.catalog.LockRecords locks() {
          return session.locks();
        }

        @Override
        public io.stockage.spi.catalog.ChangeJournal changes() {
          io.stockage.spi.catalog.ChangeJournal real = session.changes();
          // Appending fails when told to; reading goes to the real journal.
          return (io.stockage.spi.catalog.ChangeJournal) java.lang.reflect.Proxy.newProxyInstance(
              getClass().getClassLoader(), new Class<?>[] {io.stockage.spi.catalog.ChangeJournal.class},
              (proxy, method, args) -> {
                if (method.getName().startsWith("append") && fail.get()) {
                  throw StockageException.of(ErrorKind.UNAVAILABLE, "injected: the database went away before commit");
                }
                try {
                  return method.invoke(real, args);
                } catch (java.lang.reflect.InvocationTargetException e) {
                  throw e.getCause();
                }
              });
        }

        @Override
        public io.stockage.spi.catalog.AuditRecords audit() {
          return session.audit();
        }

        @Override
        public io.stockage.spi.catalog.SearchRecords search() {
          return session.search();
        }
      };
    }
  }
}
