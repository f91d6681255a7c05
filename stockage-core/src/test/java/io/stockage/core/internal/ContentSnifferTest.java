package io.stockage.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stockage.PolicyReason;
import io.stockage.StockageException;
import io.stockage.testkit.Samples;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ContentSnifferTest {
  private final ContentSniffer sniffer = ContentSniffer.create();

  private String sniff(String extension, byte[] bytes) {
    byte[] head = Arrays.copyOf(bytes, Math.min(bytes.length, ContentSniffer.HEAD_SIZE));
    ContentSniffer.Sniffed sniffed = sniffer.sniff(extension, head, head.length);
    sniffed.check().update(bytes, 0, bytes.length);
    return sniffed.confirm(bytes.length);
  }

  @Test
  void sniff_realFiles_detectTheirTypes() {
    assertThat(sniff(".pdf", Samples.pdf("Hello"))).isEqualTo("application/pdf");
    assertThat(sniff(".png", Samples.png(4, 4))).isEqualTo("image/png");
    assertThat(sniff(".jpg", Samples.jpg(4, 4))).isEqualTo("image/jpeg");
    assertThat(sniff(".glb", Samples.glb("Bridge"))).isEqualTo("model/gltf-binary");
    assertThat(sniff(".gltf", Samples.gltf("Bridge"))).isEqualTo("model/gltf+json");
    assertThat(sniff(".stl", Samples.stlAscii(3))).isEqualTo("model/stl");
    assertThat(sniff(".stl", Samples.stlBinary(3))).isEqualTo("model/stl");
  }

  @Test
  void sniff_contentWithItsSignature_isTheTypeTikasMagicDetects() {
    // The signatures skip Tika's detection: on real files it must have answered the same.
    java.util.Map<String, byte[]> samples = java.util.Map.of(".pdf", Samples.pdf("Hello"), ".png", Samples.png(4, 4),
        ".jpg", Samples.jpg(4, 4), ".jpeg", Samples.jpg(8, 2), ".glb", Samples.glb("Bridge"));
    samples.forEach((extension, bytes) -> {
      byte[] head = Arrays.copyOf(bytes, Math.min(bytes.length, ContentSniffer.HEAD_SIZE));
      assertThat(sniffer.detected(head, head.length)).as(extension).isEqualTo(sniff(extension, bytes));
    });
  }

  @Test
  void sniff_signatureCutShort_isContentMismatch() {
    assertMismatch(".pdf", "%PDF".getBytes(StandardCharsets.US_ASCII));
    assertMismatch(".png", Arrays.copyOf(Samples.png(4, 4), 7));
  }

  @Test
  void sniff_executableNamedPdf_isContentMismatch() {
    assertMismatch(".pdf", Samples.windowsExecutable());
  }

  @Test
  void sniff_pngNamedJpg_isContentMismatch() {
    assertMismatch(".jpg", Samples.png(4, 4));
  }

  @Test
  void sniff_binaryNamedGltf_isContentMismatch() {
    assertMismatch(".gltf", Samples.glb("Bridge"));
  }

  @Test
  void sniff_textNamedGlb_isContentMismatch() {
    assertMismatch(".glb", Samples.gltf("Bridge"));
  }

  @Test
  void sniff_truncatedBinaryStl_isContentMismatch() {
    byte[] stl = Samples.stlBinary(10);
    assertMismatch(".stl", Arrays.copyOf(stl, stl.length - 50));
  }

  @Test
  void sniff_executableNamedStl_isContentMismatch() {
    assertMismatch(".stl", Samples.windowsExecutable());
  }

  @Test
  void sniff_emptyFile_isItsExtensionsType() {
    // An online editor's new document: nothing in it can disagree with its name.
    assertThat(sniff(".pdf", new byte[0])).isEqualTo("application/pdf");
    assertThat(sniff(".glb", new byte[0])).isEqualTo("model/gltf-binary");
    assertMismatch(".pdf", new byte[] {'x'});
  }

  @Test
  void sniff_otherAllowedTextType_agreesByName() {
    assertThat(sniff(".txt", "hello".getBytes(StandardCharsets.UTF_8))).isEqualTo("text/plain");
    assertMismatch(".txt", Samples.windowsExecutable());
  }

  private void assertMismatch(String extension, byte[] bytes) {
    assertThatThrownBy(() -> sniff(extension, bytes))
        .isInstanceOfSatisfying(StockageException.class,
            e -> assertThat(e.reason()).contains(PolicyReason.CONTENT_MISMATCH));
  }
}
