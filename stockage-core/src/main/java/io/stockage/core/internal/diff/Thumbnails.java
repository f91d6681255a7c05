package io.stockage.core.internal.diff;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Thumbnails of revisions, as PNG images at most {@link #SIZE} pixels on their longer side: a
 * PDF's first page rendered by PDFBox, an image scaled down, and for 3D models (glTF, GLB, STL) a
 * <em>schematic</em>: the model's bounding box drawn in isometric projection, in its proportions,
 * from the properties extraction found — the mesh data is never read. Other types have none.
 *
 * <p>Within the limits: a PDF is rendered with PDFBox's memory and scratch bounded as for its text,
 * images are decoded subsampled (a 10,000-pixel-wide JPEG is read at one pixel in twenty), and the
 * whole render stops at the limits' timeout (the document is closed under the renderer, which makes
 * it fail). A failure is an empty result, never an exception: a thumbnail is a nicety. The indexing
 * worker renders a PDF's first page from the document its text extraction loaded
 * ({@link Extracted#thumbnail()}); {@link #render} loads one itself (a reindex filling a gap).
 */
public final class Thumbnails {
  /** The longer side of a thumbnail, in pixels. */
  public static final int SIZE = 256;
  private static final Pattern BOX = Pattern.compile(
      "\\[([^,\\]]+),([^,\\]]+),([^,\\]]+)]\\.\\.\\[([^,\\]]+),([^,\\]]+),([^,\\]]+)]");

  // Renders run on threads of their own, waited for up to a timeout (PDFBox cannot be interrupted).
  private static final ExecutorService RENDERERS = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "stockage-thumbnail");
    thread.setDaemon(true);
    return thread;
  });

  private final DiffLimits limits;

  /** Thumbnails within these limits (the PDF scratch and the timeout). */
  public Thumbnails(DiffLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /**
   * Whether {@link RevisionDiffer#extract} renders that type's thumbnail itself (a PDF's first page,
   * from the document it loads for the text), so that {@link #render} is not to be called after it.
   */
  public static boolean madeByExtraction(String mimeType) {
    return ContentKind.of(mimeType) == ContentKind.PDF;
  }

  /** Whether revisions of that type have thumbnails. */
  public static boolean makes(String mimeType) {
    return switch (ContentKind.of(mimeType)) {
      case PDF, IMAGE, GLTF_JSON, GLB, STL -> true;
      case TEXT, OTHER -> false;
    };
  }

  /**
   * The thumbnail of a revision, if its type has one and it could be made.
   *
   * @param side the revision (its content is opened for PDFs and images only)
   * @param properties what extraction found in it ({@code boundingBox} for 3D models)
   */
  public Optional<byte[]> render(Side side, Map<String, String> properties) {
    ContentKind kind = ContentKind.of(side.mimeType());
    return switch (kind) {
      case PDF -> pdf(side);
      case IMAGE -> image(side);
      case GLTF_JSON, GLB, STL -> Optional.of(png(schematic(properties.get("boundingBox"))));
      case TEXT, OTHER -> Optional.empty();
    };
  }

  /**
   * A loaded PDF's first page, rendered within the timeout; past it the document is closed under
   * the renderer, which makes it fail (the caller's document is then unusable: it is done with it).
   */
  static Optional<byte[]> firstPage(PDDocument document, java.time.Duration timeout) {
    return within(timeout, () -> firstPage(document), () -> closeQuietly(document));
  }

  // Runs a render on a thread of its own, waited for up to the timeout, then gives up (after
  // onTimeout, which makes the render fail if it can).
  private static Optional<byte[]> within(java.time.Duration timeout, java.util.concurrent.Callable<BufferedImage> work,
      Runnable onTimeout) {
    Future<BufferedImage> render = RENDERERS.submit(work);
    try {
      BufferedImage image = render.get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
      return image == null ? Optional.empty() : Optional.of(png(image));
    } catch (TimeoutException e) {
      render.cancel(true);
      onTimeout.run();
      return Optional.empty();
    } catch (ExecutionException | RuntimeException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      render.cancel(true);
      return Optional.empty();
    }
  }

  private static BufferedImage firstPage(PDDocument document) throws IOException {
    if (document.getNumberOfPages() == 0) {
      return null;
    }
    PDRectangle box = document.getPage(0).getCropBox();
    float longer = Math.max(box.getWidth(), box.getHeight());
    if (!(longer > 0)) {
      return null;
    }
    PDFRenderer renderer = new PDFRenderer(document);
    renderer.setSubsamplingAllowed(true);
    return renderer.renderImage(0, SIZE / longer, ImageType.RGB);
  }

  // A PDF on its own (a reindex making a missing thumbnail), loaded as for its text; the whole
  // within the timeout. An extraction renders the first page from the document it loaded.
  private Optional<byte[]> pdf(Side side) {
    java.util.concurrent.atomic.AtomicReference<PDDocument> open = new java.util.concurrent.atomic.AtomicReference<>();
    return within(limits.timeout(), () -> {
      try (InputStream in = side.content().get()) {
        Optional<io.stockage.spi.storage.FileBacked> file =
            in instanceof io.stockage.spi.storage.FileBacked f ? Optional.of(f) : Optional.empty();
        return PdfText.withDocument(in, file, limits, null, document -> {
          open.set(document);
          return firstPage(document);
        });
      }
    }, () -> closeQuietly(open.get()));
  }

  private Optional<byte[]> image(Side side) {
    return within(limits.timeout(), () -> decode(side), () -> { });
  }

  private static BufferedImage decode(Side side) throws IOException {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(ContentKind.normalize(side.mimeType()));
    if (!readers.hasNext()) {
      return null;
    }
    ImageReader reader = readers.next();
    try (InputStream in = side.content().get(); ImageInputStream image = ImageIO.createImageInputStream(in)) {
      reader.setInput(image, true, true);
      int width = reader.getWidth(0);
      int height = reader.getHeight(0);
      // Decoded at about twice the thumbnail's size at most, then scaled smoothly.
      int step = Math.max(1, Math.max(width, height) / (2 * SIZE));
      ImageReadParam param = reader.getDefaultReadParam();
      param.setSourceSubsampling(step, step, 0, 0);
      return scaled(reader.read(0, param));
    } finally {
      reader.dispose();
    }
  }

  private static BufferedImage scaled(BufferedImage source) {
    double scale = Math.min(1.0, (double) SIZE / Math.max(source.getWidth(), source.getHeight()));
    int width = Math.max(1, (int) Math.round(source.getWidth() * scale));
    int height = Math.max(1, (int) Math.round(source.getHeight() * scale));
    BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = target.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.drawImage(source, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    return target;
  }

  /**
   * The bounding box in isometric projection, its three visible faces shaded, fitted to the
   * thumbnail; a cube when the box is unknown or flat in every direction.
   */
  static BufferedImage schematic(String boundingBox) {
    double[] extent = extent(boundingBox);
    BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(new Color(0xEE, 0xF2, 0xF7));
      g.fillRect(0, 0, SIZE, SIZE);
      // Isometric: x to the lower right, z (depth) to the lower left, y up.
      double cos = Math.cos(Math.PI / 6);
      double sin = Math.sin(Math.PI / 6);
      double[][] corners = new double[8][];
      for (int i = 0; i < 8; i++) {
        double x = (i & 1) * extent[0];
        double y = ((i >> 1) & 1) * extent[1];
        double z = ((i >> 2) & 1) * extent[2];
        corners[i] = new double[] {(x - z) * cos, (x + z) * sin - y};
      }
      double minX = Double.MAX_VALUE;
      double minY = Double.MAX_VALUE;
      double maxX = -Double.MAX_VALUE;
      double maxY = -Double.MAX_VALUE;
      for (double[] c : corners) {
        minX = Math.min(minX, c[0]);
        maxX = Math.max(maxX, c[0]);
        minY = Math.min(minY, c[1]);
        maxY = Math.max(maxY, c[1]);
      }
      double margin = SIZE * 0.12;
      double scale = Math.min((SIZE - 2 * margin) / Math.max(maxX - minX, 1e-9), (SIZE - 2 * margin) / Math.max(maxY - minY, 1e-9));
      double offsetX = (SIZE - (maxX - minX) * scale) / 2 - minX * scale;
      double offsetY = (SIZE - (maxY - minY) * scale) / 2 - minY * scale;
      for (double[] c : corners) {
        c[0] = c[0] * scale + offsetX;
        c[1] = c[1] * scale + offsetY;
      }
      // Visible faces: top (y = max), front-right (z = max), front-left (x = max).
      face(g, corners, new int[] {2, 3, 7, 6}, new Color(0x9F, 0xC3, 0xE8));
      face(g, corners, new int[] {4, 5, 7, 6}, new Color(0x4A, 0x7F, 0xB8));
      face(g, corners, new int[] {1, 3, 7, 5}, new Color(0x2F, 0x5F, 0x96));
    } finally {
      g.dispose();
    }
    return image;
  }

  private static void face(Graphics2D g, double[][] corners, int[] order, Color fill) {
    Path2D.Double path = new Path2D.Double();
    path.moveTo(corners[order[0]][0], corners[order[0]][1]);
    for (int i = 1; i < order.length; i++) {
      path.lineTo(corners[order[i]][0], corners[order[i]][1]);
    }
    path.closePath();
    g.setColor(fill);
    g.fill(path);
    g.setColor(new Color(0x1B, 0x2B, 0x3F));
    g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(path);
  }

  /**
   * The box's size on each axis, each at least a twentieth of the largest (a flat plate still
   * reads as a box); a unit cube when the box is missing or unreadable.
   */
  static double[] extent(String boundingBox) {
    double[] extent = {1, 1, 1};
    if (boundingBox == null) {
      return extent;
    }
    Matcher m = BOX.matcher(boundingBox);
    if (!m.matches()) {
      return extent;
    }
    try {
      double largest = 0;
      for (int axis = 0; axis < 3; axis++) {
        extent[axis] = Double.parseDouble(m.group(axis + 4)) - Double.parseDouble(m.group(axis + 1));
        if (!Double.isFinite(extent[axis]) || extent[axis] < 0) {
          return new double[] {1, 1, 1};
        }
        largest = Math.max(largest, extent[axis]);
      }
      if (largest == 0) {
        return new double[] {1, 1, 1};
      }
      for (int axis = 0; axis < 3; axis++) {
        extent[axis] = Math.max(extent[axis], largest / 20);
      }
      return extent;
    } catch (NumberFormatException e) {
      return new double[] {1, 1, 1};
    }
  }

  private static byte[] png(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void closeQuietly(PDDocument document) {
    if (document != null) {
      try {
        document.close();
      } catch (IOException | RuntimeException e) {
        // The renderer fails on the closed document; nothing else holds it.
      }
    }
  }

}
