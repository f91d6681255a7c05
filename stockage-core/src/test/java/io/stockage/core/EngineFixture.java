package io.stockage.core;

import io.stockage.Item;
import io.stockage.Mount;
import io.stockage.NewProject;
import io.stockage.OrgPermission;
import io.stockage.Project;
import io.stockage.ProjectRole;
import io.stockage.Subject;
import io.stockage.Upload;
import io.stockage.UploadPolicy;
import io.stockage.core.fs.FileSystemProvider;
import io.stockage.jdbc.JdbcCatalog;
import io.stockage.jdbc.JdbcDirectory;
import io.stockage.spi.catalog.Catalog;
import io.stockage.spi.storage.ObjectPage;
import io.stockage.spi.storage.StorageProvider;
import io.stockage.testkit.PostgresFixture;
import io.stockage.testkit.TestDatabase;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A real engine for tests: PostgreSQL (embedded, or {@code STOCKAGE_TEST_JDBC_URL}) and the local
 * file-system provider under a temporary root. Org {@code acme}: alice (may create projects), bob,
 * carol; org {@code globex}: mallory, its organization admin.
 */
final class EngineFixture implements AutoCloseable {
  static final Subject ALICE = Subject.of("acme", "alice", OrgPermission.CREATE_PROJECT);
  static final Subject BOB = Subject.of("acme", "bob");
  static final Subject CAROL = Subject.of("acme", "carol");
  static final Subject DAVE = Subject.of("acme", "dave");
  static final Subject MALLORY = Subject.of("globex", "mallory", OrgPermission.ADMIN);

  final TestDatabase db;
  final FileSystemProvider fs;
  final StockageEngine engine;
  final JdbcDirectory directory;

  private EngineFixture(TestDatabase db, FileSystemProvider fs, StockageEngine engine, JdbcDirectory directory) {
    this.db = db;
    this.fs = fs;
    this.engine = engine;
    this.directory = directory;
  }

  static EngineFixture start(Path root) {
    return start(root, UploadPolicy.defaults(), UnaryOperator.identity());
  }

  static EngineFixture start(Path root, UploadPolicy policy, UnaryOperator<Catalog> wrap) {
    return start(root, wrap, builder -> builder.uploadPolicy(policy));
  }

  /** An engine on mount {@code main}, customized (retention, name conflicts...). */
  static EngineFixture start(Path root, UnaryOperator<Catalog> wrap, Consumer<StockageEngineBuilder> customize) {
    return start(root, wrap, UnaryOperator.identity(), customize);
  }

  /** As above, the engine seeing the disk through {@code wrapStorage} (the fixture's helpers do not). */
  static EngineFixture start(Path root, UnaryOperator<Catalog> wrap, UnaryOperator<StorageProvider> wrapStorage,
      Consumer<StockageEngineBuilder> customize) {
    TestDatabase db = PostgresFixture.create();
    FileSystemProvider fs = FileSystemProvider.create(root);
    JdbcDirectory directory = JdbcDirectory.create(db.dataSource());
    StockageEngineBuilder builder = StockageEngine.builder()
        .catalog(wrap.apply(JdbcCatalog.create(db.dataSource())))
        .directory(directory)
        .mount(Mount.managed("main", wrapStorage.apply(fs)))
        .reconcilerGrace(java.time.Duration.ZERO);
    customize.accept(builder);
    return new EngineFixture(db, fs, builder.build(), directory);
  }

  /** A fresh project: alice ADMIN (creator), bob EDITOR, carol VIEWER. */
  Project project() {
    String slug = "p-" + UUID.randomUUID().toString().substring(0, 8);
    Project project = engine.projects().create(ALICE, NewProject.of(slug, "Project " + slug));
    engine.projects().addMember(ALICE, slug, BOB.user(), ProjectRole.EDITOR);
    engine.projects().addMember(ALICE, slug, CAROL.user(), ProjectRole.VIEWER);
    return project;
  }

  Item upload(Subject subject, Project project, String name, byte[] content) {
    return engine.files().upload(subject, Upload.of(project.slug(), name, new ByteArrayInputStream(content)));
  }

  /** The number of stored objects under a key prefix. */
  int objects(String prefix) {
    int count = 0;
    Optional<String> after = Optional.empty();
    do {
      ObjectPage page = fs.list(prefix, after, 1000);
      count += page.objects().size();
      after = page.next();
    } while (after.isPresent());
    return count;
  }

  /** The single number a query returns. */
  long count(String sql, Object... args) {
    try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    engine.close();
    db.close();
  }
}
