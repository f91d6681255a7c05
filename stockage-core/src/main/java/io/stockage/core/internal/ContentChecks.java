package io.stockage.core.internal;

import io.stockage.PolicyReason;
import io.stockage.StockageException;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.async.ByteArrayFeeder;
import tools.jackson.core.json.JsonFactory;

/**
 * Checks of a whole upload's structure, fed its bytes as they stream (nothing is buffered beyond a
 * token), so that a file that only begins like its type — a polyglot — is refused with
 * {@code POLICY_VIOLATION (CONTENT_MISMATCH)} before it is recorded:
 * {@code .gltf} must be one JSON object with an {@code asset} member, parsed by Jackson's
 * non-blocking parser within limits; {@code .glb} must have a version-2 header whose length is the
 * file's, a JSON chunk first (valid JSON too), chunk lengths that add up exactly, and nothing after;
 * an ASCII {@code .stl} must be {@code solid} lines holding facets of three vertices.
 */
public final class ContentChecks {
  private ContentChecks() {}

  /** A check fed every byte of the content, then told its end. */
  public interface Check {
    /** Bytes that follow those already fed. */
    void update(byte[] bytes, int offset, int length);

    /** The content ended after {@code size} bytes. */
    void finish(long size);

    /** A check that accepts everything. */
    Check NONE = new Check() {
      @Override
      public void update(byte[] bytes, int offset, int length) {}

      @Override
      public void finish(long size) {}
    };
  }

  static StockageException mismatch(String why) {
    return StockageException.policy(PolicyReason.CONTENT_MISMATCH, why);
  }

  /** The check of a {@code .gltf}: one JSON object with an {@code asset} member. */
  static Check gltf() {
    return new Json(true);
  }

  /** The check of a {@code .glb}. */
  static Check glb() {
    return new Glb();
  }

  /** The check of an ASCII {@code .stl}. */
  static Check asciiStl() {
    return new AsciiStl();
  }

  /** JSON, parsed as it arrives; optionally a glTF root (an object with an {@code asset} member). */
  static final class Json implements Check {
    private static final JsonFactory FACTORY = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(16 * 1024 * 1024)
            .maxNumberLength(64).maxNameLength(4096).build())
        .build();

    private final boolean gltfRoot;
    private final JsonParser parser = FACTORY.createNonBlockingByteArrayParser(ObjectReadContext.empty());
    private final ByteArrayFeeder feeder = (ByteArrayFeeder) parser.nonBlockingInputFeeder();
    private int depth;
    private boolean rootDone;
    private boolean asset;

    Json(boolean gltfRoot) {
      this.gltfRoot = gltfRoot;
    }

    @Override
    public void update(byte[] bytes, int offset, int length) {
      if (length == 0) {
        return;
      }
      try {
        feeder.feedInput(bytes, offset, offset + length);
        drain();
      } catch (JacksonException e) {
        throw mismatch("the content is not the JSON its extension announces: " + e.getOriginalMessage());
      }
    }

    @Override
    public void finish(long size) {
      try {
        feeder.endOfInput();
        drain();
      } catch (JacksonException e) {
        throw mismatch("the content is not the JSON its extension announces: " + e.getOriginalMessage());
      }
      if (!rootDone) {
        throw mismatch("the JSON content ends before its root value does");
      }
      if (gltfRoot && !asset) {
        throw mismatch("a glTF document is a JSON object with an asset member");
      }
    }

    private void drain() {
      JsonToken token;
      while ((token = parser.nextToken()) != null && token != JsonToken.NOT_AVAILABLE) {
        if (rootDone) {
          throw mismatch("the JSON content has more than one root value");
        }
        if (depth == 0 && gltfRoot && token != JsonToken.START_OBJECT) {
          throw mismatch("a glTF document is a JSON object");
        }
        if (depth == 1 && token == JsonToken.PROPERTY_NAME && "asset".equals(parser.currentName())) {
          asset = true;
        }
        if (token.isStructStart()) {
          depth++;
        } else if (token.isStructEnd()) {
          depth--;
        }
        if (depth == 0) {
          rootDone = true;
        }
      }
    }
  }

  /** A binary glTF: a 12-byte header, then chunks (8-byte header, 4-byte aligned length, payload). */
  static final class Glb implements Check {
    private static final int JSON_CHUNK = 0x4E4F534A;
    private static final int BIN_CHUNK = 0x004E4942;

    private final byte[] header = new byte[12];
    private final byte[] chunkHeader = new byte[8];
    private long position;
    private long declared = -1;
    private int chunkHeaderFill;
    private long chunkLeft;
    private int chunks;
    private Json json;

    @Override
    public void update(byte[] bytes, int offset, int length) {
      int i = offset;
      int end = offset + length;
      while (i < end) {
        if (position < 12) {
          header[(int) position++] = bytes[i++];
          if (position == 12) {
            readHeader();
          }
        } else if (chunkLeft > 0) {
          int n = (int) Math.min(chunkLeft, end - i);
          if (json != null) {
            json.update(bytes, i, n);
          }
          chunkLeft -= n;
          position += n;
          i += n;
          if (chunkLeft == 0 && json != null) {
            json.finish(0);
            json = null;
          }
        } else {
          chunkHeader[chunkHeaderFill++] = bytes[i++];
          position++;
          if (chunkHeaderFill == 8) {
            readChunkHeader();
          }
        }
        if (declared >= 0 && position > declared) {
          throw mismatch("the GLB content is longer than its header says");
        }
      }
    }

    private void readHeader() {
      if (!new String(header, 0, 4, StandardCharsets.US_ASCII).equals("glTF") || uint(header, 4) != 2) {
        throw mismatch("a GLB file starts with glTF, version 2");
      }
      declared = uint(header, 8);
    }

    private void readChunkHeader() {
      chunkHeaderFill = 0;
      long length = uint(chunkHeader, 0);
      long type = uint(chunkHeader, 4);
      if (chunks == 0 && type != JSON_CHUNK) {
        throw mismatch("a GLB file's first chunk is its JSON");
      }
      if (chunks > 0 && type == JSON_CHUNK) {
        throw mismatch("a GLB file has one JSON chunk");
      }
      if (chunks == 1 && type != BIN_CHUNK) {
        throw mismatch("a GLB file's second chunk is its binary buffer");
      }
      if (length % 4 != 0 || position + length > declared) {
        throw mismatch("a GLB chunk's length is not aligned or runs past the file");
      }
      chunks++;
      chunkLeft = length;
      if (type == JSON_CHUNK) {
        json = new Json(true);
        if (length == 0) {
          throw mismatch("a GLB file's JSON chunk is empty");
        }
      }
    }

    @Override
    public void finish(long size) {
      if (position < 12 || chunks == 0 || chunkLeft > 0 || chunkHeaderFill > 0 || size != declared) {
        throw mismatch("the GLB content is truncated or its lengths disagree with its size");
      }
    }

    private static long uint(byte[] b, int at) {
      return (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16 | (b[at + 3] & 0xffL) << 24;
    }
  }

  /**
   * ASCII STL, token by token: {@code solid name…} (the rest of its line), then facets
   * {@code facet normal x y z outer loop vertex x y z (×3) endloop endfacet}, then
   * {@code endsolid name…}; another solid may follow. Tokens are cut at 64 bytes.
   */
  static final class AsciiStl implements Check {
    private static final String[] FACET = {"facet", "normal", "#", "#", "#", "outer", "loop",
        "vertex", "#", "#", "#", "vertex", "#", "#", "#", "vertex", "#", "#", "#", "endloop", "endfacet"};
    private static final java.util.regex.Pattern NUMBER =
        java.util.regex.Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private final StringBuilder token = new StringBuilder();
    /** -1: expects solid; 0: between facets; 1..: inside one. */
    private int state = -1;
    private boolean inName;
    private boolean solids;

    @Override
    public void update(byte[] bytes, int offset, int length) {
      for (int i = offset; i < offset + length; i++) {
        int b = bytes[i] & 0xff;
        boolean space = b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == '\f';
        if (inName) {
          inName = b != '\n';
          continue;
        }
        if (!space) {
          if (b < 0x20 || b > 0x7e) {
            throw mismatch("an ASCII STL file holds printable ASCII only");
          }
          if (token.length() < 64) {
            token.append((char) b);
          }
          continue;
        }
        if (token.length() > 0) {
          accept(token.toString());
          token.setLength(0);
          // A name runs to the end of its line: from the next byte, unless the line ends here.
          inName = inName && b != '\n';
        }
      }
    }

    private void accept(String word) {
      if (state == -1) {
        if (!word.equals("solid")) {
          throw mismatch("an ASCII STL file is made of solid ... endsolid blocks");
        }
        solids = true;
        state = 0;
        inName = true;
      } else if (state == 0 && word.equals("endsolid")) {
        state = -1;
        inName = true;
      } else {
        int at = state;
        String wanted = FACET[at];
        if (wanted.equals("#") ? !NUMBER.matcher(word).matches() : !wanted.equals(word)) {
          throw mismatch("an ASCII STL file holds facets of three vertices; found " + word);
        }
        state = at + 1 == FACET.length ? 0 : at + 1;
      }
    }

    @Override
    public void finish(long size) {
      if (token.length() > 0) {
        accept(token.toString());
        token.setLength(0);
      }
      if (!solids || state != -1) {
        throw mismatch("an ASCII STL file ends with endsolid");
      }
    }
  }
}
