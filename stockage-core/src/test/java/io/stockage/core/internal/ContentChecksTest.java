package io.stockage.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stockage.ErrorKind;
import io.stockage.PolicyReason;
import io.stockage.StockageException;
import io.stockage.testkit.Samples;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The structure checks of glTF, GLB and ASCII STL, fed through {@link UploadStream} in random
 * chunk sizes as a client would send them: real files pass, polyglots that only begin like their
 * type are {@code CONTENT_MISMATCH}.
 */
class ContentChecksTest {
  private final ContentSniffer sniffer = ContentSniffer.create();
  private final Random random = new Random(20261203);

  /** The type the upload records, reading in chunks of 1 to 700 bytes. */
  private String upload(String extension, byte[] bytes) throws IOException {
    InputStream chunked = new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 1 + random.nextInt(700)));
      }
    };
    UploadStream stream = new UploadStream(chunked, new ContentScan(
        new ContentScan.UploadLimits(1 << 26, OptionalLong.empty()), extension, sniffer));
    byte[] buf = new byte[4096];
    while (stream.read(buf, 0, buf.length) >= 0) {
      // read it all
    }
    return stream.result().mimeType();
  }

  private void assertMismatch(String extension, byte[] bytes) {
    assertThatThrownBy(() -> upload(extension, bytes)).as(new String(bytes, 0, Math.min(bytes.length, 60),
            StandardCharsets.ISO_8859_1))
        .isInstanceOfSatisfying(StockageException.class, e -> {
          assertThat(e.kind()).isEqualTo(ErrorKind.POLICY_VIOLATION);
          assertThat(e.reason()).contains(PolicyReason.CONTENT_MISMATCH);
        });
  }

  private static byte[] concat(byte[]... parts) {
    int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
    ByteBuffer all = ByteBuffer.allocate(length);
    Arrays.stream(parts).forEach(all::put);
    return all.array();
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void realFiles_pass() throws IOException {
    for (int i = 0; i < 20; i++) {
      assertThat(upload(".gltf", Samples.gltf("Bridge " + i))).isEqualTo("model/gltf+json");
      assertThat(upload(".glb", Samples.glb("Bridge " + i))).isEqualTo("model/gltf-binary");
      assertThat(upload(".stl", Samples.stlAscii(i * 40))).isEqualTo("model/stl");
    }
    assertThat(upload(".stl", ascii("solid\nendsolid\n"))).isEqualTo("model/stl");
    assertThat(upload(".stl", ascii("solid a b c\r\n facet normal -1.5e-3 +0 .5 outer loop vertex 1 2 3 vertex 1. 2 3 "
        + "vertex 1 2 3E+2 endloop endfacet\r\nendsolid a\r\nsolid second\nendsolid"))).isEqualTo("model/stl");
    // A name may hold anything printable, keywords included.
    assertThat(upload(".stl", ascii("solid facet endloop 42\nendsolid facet\n"))).isEqualTo("model/stl");
  }

  @Test
  void gltf_thatIsNotOneJsonObjectWithAnAsset_isMismatch() {
    byte[] gltf = Samples.gltf("Bridge");
    assertMismatch(".gltf", concat(gltf, Samples.pdf("appended")));
    assertMismatch(".gltf", concat(gltf, ascii("{}")));
    assertMismatch(".gltf", Arrays.copyOf(gltf, gltf.length - 1));
    assertMismatch(".gltf", ascii("{\"scenes\":[]}"));
    assertMismatch(".gltf", ascii("{\"asset\":{\"version\":\"2.0\"}, <html><script>alert(1)</script>"));
    assertMismatch(".gltf", concat(ascii("{\"asset\":{},\"x\":\""), Samples.windowsExecutable(), ascii("\"}")));
    assertMismatch(".gltf", ascii("[" .repeat(100) + "]".repeat(100)));
  }

  @Test
  void glb_whoseLengthsDisagree_isMismatch() {
    byte[] glb = Samples.glb("Bridge");
    assertMismatch(".glb", concat(glb, new byte[4]));
    assertMismatch(".glb", Arrays.copyOf(glb, glb.length - 4));
    byte[] version1 = glb.clone();
    version1[4] = 1;
    assertMismatch(".glb", version1);
    byte[] longer = glb.clone();
    ByteBuffer.wrap(longer).order(ByteOrder.LITTLE_ENDIAN).putInt(8, glb.length + 4);
    assertMismatch(".glb", longer);
    byte[] jsonChunkTooLong = glb.clone();
    ByteBuffer.wrap(jsonChunkTooLong).order(ByteOrder.LITTLE_ENDIAN).putInt(12, glb.length);
    assertMismatch(".glb", jsonChunkTooLong);
    // A GLB header in front of a PDF: the "JSON chunk" is not JSON.
    byte[] pdf = Samples.pdf("inside");
    int padded = (pdf.length + 3) / 4 * 4;
    ByteBuffer polyglot = ByteBuffer.allocate(20 + padded).order(ByteOrder.LITTLE_ENDIAN);
    polyglot.put(ascii("glTF")).putInt(2).putInt(20 + padded).putInt(padded).put(ascii("JSON")).put(pdf);
    assertMismatch(".glb", polyglot.array());
  }

  @Test
  void asciiStl_thatIsNotFacets_isMismatch() {
    assertMismatch(".stl", ascii("solid x\n<?php system($_GET['c']); ?>\nendsolid x\n"));
    assertMismatch(".stl", ascii("solid x\n facet normal 0 0 1\n outer loop\n vertex 0 0 0\n endloop\n endfacet\nendsolid x\n"));
    assertMismatch(".stl", ascii("solid x\n facet normal 0 0 one\n"));
    assertMismatch(".stl", Arrays.copyOf(Samples.stlAscii(3), Samples.stlAscii(3).length - 10));
    assertMismatch(".stl", ascii("solid x\nendsolid x\n" + "trailing words"));
    assertMismatch(".stl", concat(ascii("solid x\nendsolid x\n"), new byte[] {1, 2, 3}));
  }
}
