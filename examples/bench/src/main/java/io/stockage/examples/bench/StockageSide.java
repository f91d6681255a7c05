package io.stockage.examples.bench;

import io.stockage.Content;
import io.stockage.Item;
import io.stockage.ItemId;
import io.stockage.Mount;
import io.stockage.NewProject;
import io.stockage.OrgPermission;
import io.stockage.Subject;
import io.stockage.Upload;
import io.stockage.UploadPolicy;
import io.stockage.core.StockageEngine;
import io.stockage.core.fs.FileSystemProvider;
import io.stockage.jdbc.JdbcCatalog;
import io.stockage.testkit.TestDatabase;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** Stockage as the benchmark drives it: one engine, one project, one subject. */
final class StockageSide implements AutoCloseable {
  private static final AtomicInteger SIDES = new AtomicInteger();

  private final StockageEngine engine;
  private final Subject subject = Subject.of("bench", "runner", OrgPermission.CREATE_PROJECT);
  private final String project;

  private StockageSide(StockageEngine engine, int number) {
    this.engine = engine;
    // A project of its own: several sides may share a database.
    this.project = "bench-" + number;
    engine.projects().create(subject, NewProject.of(project, "Benchmark"));
  }

  /**
   * An engine on the database and a {@link FileSystemProvider} at {@code storage}, accepting
   * uploads up to {@code maxSize} bytes. A zero reconciler grace lets {@link #remove} free the
   * content at once.
   */
  static StockageSide start(TestDatabase db, Path storage, long maxSize) {
    return start(db, FileSystemProvider.create(storage), maxSize);
  }

  /** The same on another provider. */
  static StockageSide start(TestDatabase db, io.stockage.spi.storage.StorageProvider provider, long maxSize) {
    // A mount name of its own too: the catalog knows stored content by mount and key, so two sides
    // on one database with one mount name would find each other's content stored already (an S3
    // side uploading what a disk side stored wrote nothing to S3).
    int number = SIDES.incrementAndGet();
    return new StockageSide(StockageEngine.builder()
        .catalog(JdbcCatalog.connect(db.jdbcUrl(), db.user(), db.password()))
        .mount(Mount.managed("main-" + number, provider))
        .uploadPolicy(UploadPolicy.defaults().withMaxSize(maxSize))
        .reconcilerGrace(Duration.ZERO)
        .build(), number);
  }

  /**
   * Uploads the file under the name, read through a {@link FileInputStream}, its size declared as
   * an HTTP upload's {@code Content-Length} declares it.
   */
  Item upload(Path source, String name) throws IOException {
    try (InputStream in = new FileInputStream(source.toFile())) {
      return upload(in, Files.size(source), name);
    }
  }

  /** Uploads the bytes of a stream of a known length under the name. */
  Item upload(InputStream in, long length, String name) {
    return engine.files().upload(subject, Upload.of(project, name, in).withDeclaredSize(length));
  }

  /**
   * Reads the file's content into {@code target} with {@code InputStream.transferTo} into a
   * {@code FileOutputStream}; returns the number of bytes written.
   */
  long download(ItemId file, Path target) throws IOException {
    try (Content content = engine.files().open(subject, file);
        OutputStream out = new FileOutputStream(target.toFile())) {
      return content.stream().transferTo(out);
    }
  }

  /**
   * Deletes the item for good and removes its content from storage, so the next upload of the
   * same bytes is stored again rather than deduplicated.
   *
   * @throws IllegalStateException when the reconciler did not remove the content
   */
  void remove(ItemId file) {
    engine.files().trash(subject, file);
    engine.files().purge(subject, file);
    io.stockage.ReconcileReport report = engine.maintenance().reconcile();
    if (report.unreferenced() == 0) {
      // The reconciler takes blobs unreferenced strictly before now, at microsecond precision.
      sleepBriefly();
      report = engine.maintenance().reconcile();
    }
    if (report.unreferenced() != 1) {
      throw new IllegalStateException("expected the purged content to be removed, got " + report);
    }
  }

  /** Closes the engine and the catalog's pool. */
  @Override
  public void close() {
    engine.close();
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(2);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
