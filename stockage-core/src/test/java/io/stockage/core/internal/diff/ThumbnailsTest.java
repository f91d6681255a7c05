package io.stockage.core.internal.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.testkit.Samples;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Thumbnails of PDFs, images and 3D models, within the limits. */
class ThumbnailsTest {
  private final Thumbnails thumbnails = new Thumbnails(DiffLimits.defaults());

  @Test
  void pdf_firstPageRenderedInPortraitWithInkWhereTheTextIs() {
    BufferedImage image = decode(thumbnails.render(side("application/pdf", Samples.pdf("Girder survey")), Map.of()));

    // A US Letter page (612 x 792 points): 256 high, 198 wide.
    assertThat(image.getHeight()).isEqualTo(256);
    assertThat(image.getWidth()).isBetween(196, 200);
    // The text is drawn 72 points from the left and 72 from the top: dark pixels there, white elsewhere.
    assertThat(darkPixels(image, 0, 0, image.getWidth(), 80)).isGreaterThan(10);
    assertThat(darkPixels(image, 0, 120, image.getWidth(), 256)).isZero();
  }

  @Test
  void extraction_rendersAPdfsFirstPageFromTheDocumentItLoaded_diffsDoNot() {
    RevisionDiffer differ = RevisionDiffer.create(DiffLimits.defaults());
    Sides.Tracked pdf = Sides.of(1, "application/pdf", Samples.pdf("Girder survey"));

    Extracted extracted = differ.extract(pdf.side);

    assertThat(extracted.text()).contains("Girder survey");
    assertThat(decode(extracted.thumbnail()).getHeight()).isEqualTo(256);
    assertThat(pdf.read.get()).as("the content is read once").isEqualTo(pdf.side.size());
    assertThat(differ.extract(side("image/png", Samples.png(10, 10))).thumbnail()).as("made by Thumbnails").isEmpty();
  }

  @Test
  void extraction_ofALocalFile_mapsItWithoutReadingTheStream(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws IOException {
    byte[] pdf = Samples.pdf("Mapped survey");
    java.nio.file.Path file = java.nio.file.Files.write(dir.resolve("blob"), pdf);
    try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file)) {
      Side side = new Side(1, "application/pdf", pdf.length, "00", () -> new MappedOnly(channel, pdf.length));

      Extracted extracted = RevisionDiffer.create(DiffLimits.defaults()).extract(side);

      assertThat(extracted.error()).isEmpty();
      assertThat(extracted.text()).contains("Mapped survey");
      assertThat(extracted.thumbnail()).isPresent();
    }
  }

  @Test
  void extraction_largePdfWithoutCrossReferencesAtItsEnd_reportedDamagedWithoutAScan(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
    // 20 MB of random bytes behind a PDF header: PDFBox would scan them all for objects.
    java.nio.file.Path file = dir.resolve("garbage.pdf");
    try (java.io.InputStream in = Samples.largePdf(20L << 20, 3)) {
      java.nio.file.Files.copy(in, file);
    }
    byte[] small = java.util.Arrays.copyOf(java.nio.file.Files.readAllBytes(file), 1 << 20);
    RevisionDiffer differ = RevisionDiffer.create(DiffLimits.defaults());
    try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file)) {
      long start = System.nanoTime();
      Extracted extracted = differ.extract(new Side(1, "application/pdf", 20L << 20, "00",
          () -> new MappedOnly(channel, 20L << 20)));
      long millis = (System.nanoTime() - start) / 1_000_000;

      assertThat(extracted.error()).hasValueSatisfying(e -> assertThat(e).contains("not repaired above 16 MB"));
      assertThat(millis).as("no scan").isLessThan(500);
    }
    // Below the limit a damaged file is still repaired as far as PDFBox can (here: nothing to find).
    assertThat(differ.extract(side("application/pdf", small)).error()).hasValueSatisfying(
        e -> assertThat(e).doesNotContain("not repaired"));
  }

  /** A local file's read that fails if read as a stream: only mapping it works. */
  private static final class MappedOnly extends java.io.InputStream implements io.stockage.spi.storage.FileBacked {
    private final java.nio.channels.FileChannel channel;
    private final long length;

    MappedOnly(java.nio.channels.FileChannel channel, long length) {
      this.channel = channel;
      this.length = length;
    }

    @Override
    public int read() throws IOException {
      throw new IOException("read as a stream");
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      throw new IOException("read as a stream");
    }

    @Override
    public java.nio.channels.FileChannel channel() {
      return channel;
    }

    @Override
    public long offset() {
      return 0;
    }

    @Override
    public long length() {
      return length;
    }
  }

  @Test
  void image_largeJpegScaledToTheLongerSide() {
    BufferedImage image = decode(thumbnails.render(side("image/jpeg", Samples.jpg(3000, 1500)), Map.of()));

    assertThat(image.getWidth()).isEqualTo(256);
    assertThat(image.getHeight()).isEqualTo(128);
  }

  @Test
  void image_smallPngKeepsItsSize() {
    BufferedImage image = decode(thumbnails.render(side("image/png", Samples.png(40, 30)), Map.of()));

    assertThat(image.getWidth()).isEqualTo(40);
    assertThat(image.getHeight()).isEqualTo(30);
  }

  @Test
  void model_schematicFollowsTheBoundingBoxProportions() {
    Side stl = side("model/stl", Samples.stlBinary(3));

    BufferedImage tall = decode(thumbnails.render(stl, Map.of("boundingBox", "[0,0,0]..[1,10,1]")));
    BufferedImage flat = decode(thumbnails.render(stl, Map.of("boundingBox", "[0,0,0]..[10,1,10]")));

    assertThat(tall.getWidth()).isEqualTo(256);
    // A tall box covers a narrow column; a flat one a wide band.
    assertThat(boxWidth(tall)).isLessThan(boxWidth(flat) / 2);
  }

  @Test
  void model_withoutABoundingBox_aCube() {
    BufferedImage image = decode(thumbnails.render(side("model/gltf-binary", Samples.glb("Cube")), Map.of()));

    assertThat(boxWidth(image)).isGreaterThan(100);
  }

  @Test
  void extent_unreadableBoxes_aUnitCube() {
    assertThat(Thumbnails.extent("[0,0,0]..[a,1,1]")).containsExactly(1, 1, 1);
    assertThat(Thumbnails.extent("[0,0,0]..[-1,1,1]")).containsExactly(1, 1, 1);
    assertThat(Thumbnails.extent("[2,2,2]..[2,2,2]")).containsExactly(1, 1, 1);
    assertThat(Thumbnails.extent("[0,0,0]..[100,0,50]")).containsExactly(100, 5, 50);
  }

  @Test
  void otherTypesAndBrokenContent_none() {
    assertThat(thumbnails.render(side("text/plain", "hello".getBytes(StandardCharsets.UTF_8)), Map.of())).isEmpty();
    assertThat(thumbnails.render(side("application/pdf", "%PDF-1.4 not really".getBytes(StandardCharsets.US_ASCII)),
        Map.of())).isEmpty();
    assertThat(thumbnails.render(side("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}), Map.of())).isEmpty();
    assertThat(thumbnails.render(new Side(1, "image/png", 10, "00", () -> {
      throw new UncheckedIOException(new IOException("the store is gone"));
    }), Map.of())).isEmpty();
  }

  @Test
  void slowPdf_stopsAtTheTimeout() {
    Thumbnails quick = new Thumbnails(DiffLimits.defaults().withTimeout(java.time.Duration.ofMillis(50)));
    byte[] pdf = Samples.pdf("slow");
    long start = System.nanoTime();
    // A stream that takes a second per read: the render is abandoned long before.
    Optional<byte[]> png = quick.render(new Side(1, "application/pdf", pdf.length, "00",
        () -> new java.io.FilterInputStream(new ByteArrayInputStream(pdf)) {
          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            try {
              Thread.sleep(1000);
            } catch (InterruptedException e) {
              throw new java.io.InterruptedIOException();
            }
            return super.read(b, off, len);
          }
        }), Map.of());

    assertThat(png).isEmpty();
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(900);
  }

  private static Side side(String type, byte[] bytes) {
    return new Side(1, type, bytes.length, "00", () -> new ByteArrayInputStream(bytes));
  }

  private static BufferedImage decode(Optional<byte[]> png) {
    assertThat(png).isPresent();
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.get()));
      assertThat(image).isNotNull();
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int darkPixels(BufferedImage image, int x0, int y0, int x1, int y1) {
    int dark = 0;
    for (int y = y0; y < Math.min(y1, image.getHeight()); y++) {
      for (int x = x0; x < Math.min(x1, image.getWidth()); x++) {
        int rgb = image.getRGB(x, y);
        int luma = ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
        if (luma < 3 * 128) {
          dark++;
        }
      }
    }
    return dark;
  }

  /** How many columns hold a pixel other than the background. */
  private static int boxWidth(BufferedImage image) {
    int background = image.getRGB(0, 0);
    int columns = 0;
    for (int x = 0; x < image.getWidth(); x++) {
      for (int y = 0; y < image.getHeight(); y++) {
        if (image.getRGB(x, y) != background) {
          columns++;
          break;
        }
      }
    }
    return columns;
  }
}
