package io.stockage.core;

import static io.stockage.core.EngineFixture.BOB;
import static io.stockage.core.EngineFixture.CAROL;
import static io.stockage.core.EngineFixture.MALLORY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stockage.Diff;
import io.stockage.ErrorKind;
import io.stockage.Item;
import io.stockage.NewContent;
import io.stockage.Project;
import io.stockage.StockageException;
import io.stockage.UploadPolicy;
import io.stockage.testkit.Samples;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Diffs between revisions, through the engine, on real stored content. */
class DiffIT {
  @TempDir
  static Path root;
  static EngineFixture fx;

  @BeforeAll
  static void start() {
    UploadPolicy policy = UploadPolicy.defaults().withExtensions(Set.of(".pdf", ".gltf", ".glb", ".stl", ".txt"));
    fx = EngineFixture.start(root, policy, c -> c);
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  private static Diff twoRevisions(String name, byte[] first, byte[] second) {
    Project project = fx.project();
    Item file = fx.upload(BOB, project, name, first);
    fx.engine.files().write(BOB, file.id(), NewContent.of(new ByteArrayInputStream(second)));
    return fx.engine.revisions().diff(CAROL, file.id(), 1, 2);
  }

  private static String lines(Diff diff) {
    return String.join("\n", diff.hunks().stream().flatMap(h -> h.lines().stream()).toList());
  }

  @Test
  void diff_textFile_givesUnifiedHunks() {
    String before = "deck: steel\nspan: 120 m\npiers: 3\nlanes: 2\n";
    String after = "deck: steel\nspan: 135 m\npiers: 3\nlanes: 2\nsidewalk: yes\n";
    Diff diff = twoRevisions("spec.txt", before.getBytes(StandardCharsets.UTF_8), after.getBytes(StandardCharsets.UTF_8));
    assertThat(lines(diff)).contains("-span: 120 m", "+span: 135 m", "+sidewalk: yes", " piers: 3");
    assertThat(diff.truncated()).isFalse();
    assertThat(diff.unified("spec.txt")).startsWith("--- a/spec.txt").contains("@@ -1,");
  }

  @Test
  void diff_pdf_diffsTheExtractedText() {
    Diff diff = twoRevisions("plan.pdf", Samples.pdf("Span 120 m"), Samples.pdf("Span 135 m"));
    assertThat(lines(diff)).contains("-Span 120 m", "+Span 135 m");
  }

  @Test
  void diff_gltf_showsTheChangedMesh() {
    Diff diff = twoRevisions("bridge.gltf", Samples.gltf("Deck"), Samples.gltf("DeckWidened"));
    assertThat(lines(diff)).contains("Deck").contains("DeckWidened");
    assertThat(diff.properties()).anySatisfy(p -> {
      assertThat(p.name()).isEqualTo("meshes");
      assertThat(p.from()).contains("Deck");
      assertThat(p.to()).contains("DeckWidened");
    });
  }

  @Test
  void diff_stl_reportsTheTriangleCountChange() {
    Diff diff = twoRevisions("pier.stl", Samples.stlBinary(12), Samples.stlBinary(20));
    assertThat(diff.hunks()).isEmpty();
    assertThat(diff.properties()).anySatisfy(p -> {
      assertThat(p.name()).isEqualTo("triangles");
      assertThat(p.from()).contains("12");
      assertThat(p.to()).contains("20");
    });
  }

  @Test
  void diff_unknownRevisionOrOtherOrg_fails() {
    Project project = fx.project();
    Item file = fx.upload(BOB, project, "a.pdf", Samples.pdf("a"));
    assertThatThrownBy(() -> fx.engine.revisions().diff(BOB, file.id(), 1, 7)).isInstanceOfSatisfying(StockageException.class,
        e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
    assertThatThrownBy(() -> fx.engine.revisions().diff(MALLORY, file.id(), 1, 1)).isInstanceOfSatisfying(StockageException.class,
        e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
  }
}
