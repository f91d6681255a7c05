package io.stockage.core.internal;

import io.stockage.ErrorKind;
import io.stockage.PolicyReason;
import io.stockage.StockageException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.function.LongPredicate;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.mime.MimeTypesFactory;

/**
 * Decides from the first bytes (and, for binary STL, the final size) whether content agrees with
 * its extension, and what type to record. Tika's magic detection runs on the head only; the name
 * is never trusted alone, so an executable named {@code plan.pdf} is refused.
 */
public final class ContentSniffer {
  /** How many leading bytes detection looks at. */
  public static final int HEAD_SIZE = 8192;

  private static final MediaType OCTET_STREAM = MediaType.OCTET_STREAM;
  private static final MediaType TEXT = MediaType.TEXT_PLAIN;
  private static final Map<String, String> MAGIC_TYPES = Map.of(
      ".pdf", "application/pdf",
      ".png", "image/png",
      ".jpg", "image/jpeg",
      ".jpeg", "image/jpeg",
      ".glb", "model/gltf-binary");
  // The leading bytes that make Tika's magic detection answer the extension's type (its own
  // signatures, and Stockage's for GLB): content that starts with them needs no full detection,
  // which evaluates every magic rule of the registry (~1.5 ms of CPU per upload, measured by JFR
  // in SmallUploadsBench). Anything else still goes through Tika, which names what it found.
  private static final Map<String, byte[]> SIGNATURES = Map.of(
      ".pdf", "%PDF-".getBytes(StandardCharsets.US_ASCII),
      ".png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'},
      ".jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
      ".jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
      ".glb", "glTF".getBytes(StandardCharsets.US_ASCII));

  private final MimeTypes types;
  private final MediaTypeRegistry registry;

  private ContentSniffer(MimeTypes types) {
    this.types = types;
    this.registry = types.getMediaTypeRegistry();
  }

  /** Tika's types plus the ones Stockage declares (glTF). */
  public static ContentSniffer create() {
    try (InputStream core = MimeTypes.class.getResourceAsStream("/org/apache/tika/mime/tika-mimetypes.xml");
         InputStream own = ContentSniffer.class.getResourceAsStream("stockage-mimetypes.xml")) {
      return new ContentSniffer(MimeTypesFactory.create(core, own));
    } catch (IOException | MimeTypeException e) {
      throw StockageException.of(ErrorKind.CONFIG_INVALID, "cannot load MIME types: " + e, e);
    }
  }

  /**
   * Checks the head of content against the extension of its name.
   *
   * @return the type to record, with the check the final size must pass
   * @throws StockageException {@code POLICY_VIOLATION (CONTENT_MISMATCH)} when they disagree
   */
  public Sniffed sniff(String extension, byte[] head, int length) {
    if (length == 0) {
      // An empty file (an online editor's new document) holds nothing that could disagree with its name.
      return new Sniffed(MAGIC_TYPES.getOrDefault(extension, byName(extension, OCTET_STREAM).mimeType()),
          size -> true);
    }
    String expected = MAGIC_TYPES.get(extension);
    if (expected != null) {
      Sniffed sniffed = startsWith(head, length, SIGNATURES.get(extension)) ? new Sniffed(expected, size -> true)
          : byMagic(expected, extension, detect(head, length));
      return extension.equals(".glb") ? sniffed.with(ContentChecks.glb()) : sniffed;
    }
    MediaType magic = detect(head, length);
    return switch (extension) {
      case ".gltf" -> require(isText(magic) && firstNonBlank(head, length) == '{',
          "model/gltf+json", extension, magic).with(ContentChecks.gltf());
      case ".stl" -> stl(head, length, magic);
      default -> byName(extension, magic);
    };
  }

  private Sniffed byMagic(String expected, String extension, MediaType magic) {
    return require(is(magic, MediaType.parse(expected)), expected, extension, magic);
  }

  private Sniffed stl(byte[] head, int length, MediaType magic) {
    boolean asciiStart = length >= 5 && new String(head, 0, 5, StandardCharsets.US_ASCII).equals("solid");
    if (magic.toString().equals("model/x.stl-ascii") || (asciiStart && !hasNul(head, length))) {
      return new Sniffed("model/stl", size -> true, ContentChecks.asciiStl());
    }
    if (length < 84) {
      throw mismatch(".stl", magic);
    }
    long triangles = Integer.toUnsignedLong(ByteBuffer.wrap(head, 80, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
    long expectedSize = 84 + 50 * triangles;
    return new Sniffed("model/stl", size -> size == expectedSize);
  }

  private Sniffed byName(String extension, MediaType magic) {
    MediaType named = OCTET_STREAM;
    try {
      named = types.forName(types.getMimeType("x" + extension).getName()).getType();
    } catch (MimeTypeException e) {
      // Unknown extension: only unrecognised bytes agree with it.
    }
    boolean agrees = magic.equals(OCTET_STREAM) || is(named, magic) || (isText(magic) && is(named, TEXT));
    return require(agrees, named.toString(), extension, magic);
  }

  private Sniffed require(boolean agrees, String type, String extension, MediaType magic) {
    if (!agrees) {
      throw mismatch(extension, magic);
    }
    return new Sniffed(type, size -> true);
  }

  private boolean is(MediaType type, MediaType expected) {
    return type.equals(expected) || registry.isSpecializationOf(type, expected);
  }

  private boolean isText(MediaType type) {
    return is(type, TEXT);
  }

  /** Tika's magic detection alone, for tests comparing the signatures with it. */
  String detected(byte[] head, int length) {
    return detect(head, length).toString();
  }

  private MediaType detect(byte[] head, int length) {
    try {
      return types.detect(new ByteArrayInputStream(head, 0, length), new Metadata());
    } catch (IOException e) {
      throw StockageException.of(ErrorKind.UNEXPECTED, "type detection failed: " + e, e);
    }
  }

  private static StockageException mismatch(String extension, MediaType magic) {
    return StockageException.policy(PolicyReason.CONTENT_MISMATCH,
        "the content does not match its extension " + extension + " (detected " + magic + ")");
  }

  private static boolean startsWith(byte[] head, int length, byte[] signature) {
    return length >= signature.length && Arrays.equals(head, 0, signature.length, signature, 0, signature.length);
  }

  private static int firstNonBlank(byte[] head, int length) {
    int i = length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF ? 3 : 0;
    while (i < length && Character.isWhitespace(head[i])) {
      i++;
    }
    return i < length ? head[i] : -1;
  }

  private static boolean hasNul(byte[] head, int length) {
    for (int i = 0; i < length; i++) {
      if (head[i] == 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * The outcome of sniffing the head.
   *
   * @param mimeType the type to record
   * @param sizeCheck what the final size must satisfy (binary STL announces its size)
   */
  public record Sniffed(String mimeType, LongPredicate sizeCheck, ContentChecks.Check check) {
    /** A type whose content is checked by its size only. */
    public Sniffed(String mimeType, LongPredicate sizeCheck) {
      this(mimeType, sizeCheck, ContentChecks.Check.NONE);
    }

    /** The same type, its content checked as it streams. */
    Sniffed with(ContentChecks.Check streaming) {
      return new Sniffed(mimeType, sizeCheck, streaming);
    }

    /**
     * Checks the final size, and the whole content's structure.
     *
     * @throws StockageException {@code POLICY_VIOLATION (CONTENT_MISMATCH)} when it disagrees
     */
    public String confirm(long size) {
      check.finish(size);
      if (!sizeCheck.test(size)) {
        throw StockageException.policy(PolicyReason.CONTENT_MISMATCH,
            "the content is truncated or padded: its size does not match its header");
      }
      return mimeType;
    }
  }
}
