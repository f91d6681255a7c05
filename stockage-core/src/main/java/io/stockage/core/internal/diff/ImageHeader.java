package io.stockage.core.internal.diff;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/** Width and height of a PNG or JPEG, read from its header: the pixels are never decoded. */
final class ImageHeader {
  private ImageHeader() {}

  /**
   * Reads the dimensions.
   *
   * @param in the content, bounded by the caller (a JPEG may put its frame header after large
   *     metadata segments)
   * @param mimeType {@code image/png} or {@code image/jpeg}
   */
  static Extraction read(InputStream in, String mimeType) throws IOException {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(mimeType);
    if (!readers.hasNext()) {
      return Extraction.failed("no image reader for " + mimeType);
    }
    ImageReader reader = readers.next();
    // A memory cache holds only what the reader consumed, the header; ImageIO.createImageInputStream
    // would cache in a temporary file by default.
    try (ImageInputStream image = new MemoryCacheImageInputStream(in)) {
      reader.setInput(image, true, true);
      Map<String, String> properties = new LinkedHashMap<>();
      properties.put("width", Integer.toString(reader.getWidth(0)));
      properties.put("height", Integer.toString(reader.getHeight(0)));
      return Extraction.properties(properties, false);
    } finally {
      reader.dispose();
    }
  }
}
