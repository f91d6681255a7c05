package io.stockage.core.internal.diff;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * The summary of a glTF 2.0 model: mesh names, node and material counts, generator, and the
 * bounding box of the meshes' positions (the union of their accessors' {@code min} and {@code max},
 * which glTF requires for positions; node transforms are not applied). Read from the
 * JSON form, or from the first chunk of the binary form (GLB: a 12-byte header {@code glTF},
 * version, length; then chunks of uint32 length, uint32 type, data; the first one is JSON). The
 * JSON is streamed token by token, never turned into a tree, and read up to the byte limit.
 */
final class GltfSummary {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final int GLB_MAGIC = 0x46546C67;
  private static final int JSON_CHUNK = 0x4E4F534A;
  private static final int GLB_HEADERS = 20;
  /** The names of the nodes that have one, in order, distinct. */
  static final String NODE_NAMES = "nodeNames";
  /** The names of the materials that have one, in order, distinct. */
  static final String MATERIAL_NAMES = "materialNames";
  /** The most names of nodes (or of materials) kept: a scene may have thousands. */
  private static final int MAX_NAMES = 200;

  private GltfSummary() {}

  /** glTF JSON: the text lines and the summary, from one bounded read. */
  static Extraction readJson(InputStream in, DiffLimits limits) throws IOException {
    TextContent.Head head = TextContent.head(in, limits.maxBytesInt());
    Map<String, String> summary = summarize(head.bytes(), head.truncated());
    return TextContent.extraction(head, limits.maxLines(), summary);
  }

  /** GLB: the summary from its JSON chunk; the binary chunk is not read. */
  static Extraction readGlb(InputStream in, DiffLimits limits) throws IOException {
    byte[] headers = in.readNBytes(GLB_HEADERS);
    ByteBuffer buf = ByteBuffer.wrap(headers).order(ByteOrder.LITTLE_ENDIAN);
    if (headers.length < GLB_HEADERS || buf.getInt(0) != GLB_MAGIC) {
      return Extraction.failed("not a GLB file");
    }
    if (buf.getInt(16) != JSON_CHUNK) {
      return Extraction.failed("the first GLB chunk is not JSON");
    }
    long chunkLength = Integer.toUnsignedLong(buf.getInt(12));
    boolean truncated = chunkLength > limits.maxBytes();
    int wanted = (int) Math.min(chunkLength, limits.maxBytes());
    byte[] json = in.readNBytes(wanted);
    if (json.length < wanted) {
      return Extraction.failed("the GLB file ends inside its JSON chunk");
    }
    return Extraction.properties(summarize(json, truncated), truncated);
  }

  /**
   * The summary of a JSON document. A truncated document reports what was read completely; an
   * invalid complete one also reports {@code error}.
   */
  static Map<String, String> summarize(byte[] json, boolean truncated) {
    Summary summary = new Summary();
    try (JsonParser parser = MAPPER.createParser(json)) {
      summary.read(parser);
    } catch (JacksonException | IllegalStateException e) {
      if (!truncated) {
        summary.error = "invalid glTF JSON: " + (e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage());
      }
    }
    return summary.properties();
  }

  /** What was read completely. */
  private static final class Summary {
    private String meshes;
    private String nodes;
    private String materials;
    private String generator;
    private String error;
    private final java.util.Set<String> nodeNames = new java.util.LinkedHashSet<>();
    private final java.util.Set<String> materialNames = new java.util.LinkedHashSet<>();
    private final List<Integer> positions = new ArrayList<>();
    private final List<float[]> accessors = new ArrayList<>();

    void read(JsonParser parser) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalStateException("not a JSON object");
      }
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (value == JsonToken.START_ARRAY && name.equals("meshes")) {
          meshes = String.join(",", meshNames(parser, positions));
        } else if (value == JsonToken.START_ARRAY && name.equals("nodes")) {
          nodes = Long.toString(named(parser, nodeNames));
        } else if (value == JsonToken.START_ARRAY && name.equals("materials")) {
          materials = Long.toString(named(parser, materialNames));
        } else if (value == JsonToken.START_ARRAY && name.equals("accessors")) {
          readAccessors(parser, accessors);
        } else if (value == JsonToken.START_OBJECT && name.equals("asset")) {
          generator = stringProperty(parser, "generator");
        } else {
          parser.skipChildren();
        }
      }
    }

    Map<String, String> properties() {
      Map<String, String> properties = new LinkedHashMap<>();
      putIfPresent(properties, "meshes", meshes);
      putIfPresent(properties, "nodes", nodes);
      putIfPresent(properties, NODE_NAMES, nodeNames.isEmpty() ? null : String.join(",", nodeNames));
      putIfPresent(properties, "materials", materials);
      putIfPresent(properties, MATERIAL_NAMES, materialNames.isEmpty() ? null : String.join(",", materialNames));
      putIfPresent(properties, "generator", generator);
      Bounds bounds = new Bounds();
      for (int index : positions) {
        float[] range = index >= 0 && index < accessors.size() ? accessors.get(index) : null;
        if (range != null) {
          bounds.add(range[0], range[1], range[2]);
          bounds.add(range[3], range[4], range[5]);
        }
      }
      putIfPresent(properties, "boundingBox", bounds.empty() ? null : bounds.toString());
      putIfPresent(properties, Extraction.ERROR, error);
      return properties;
    }

    private static void putIfPresent(Map<String, String> properties, String name, String value) {
      if (value != null) {
        properties.put(name, value);
      }
    }
  }

  /**
   * The names of the meshes (an unnamed mesh is {@code #index}), adding the accessors of their
   * primitives' positions to {@code positions}. The parser is on the array start.
   */
  private static List<String> meshNames(JsonParser parser, List<Integer> positions) {
    List<String> names = new ArrayList<>();
    for (JsonToken element = next(parser); element != JsonToken.END_ARRAY; element = next(parser)) {
      String name = null;
      if (element == JsonToken.START_OBJECT) {
        while (next(parser) == JsonToken.PROPERTY_NAME) {
          String field = parser.currentName();
          JsonToken value = next(parser);
          if (value == JsonToken.VALUE_STRING && field.equals("name")) {
            name = parser.getString();
          } else if (value == JsonToken.START_ARRAY && field.equals("primitives")) {
            readPositions(parser, positions);
          } else {
            parser.skipChildren();
          }
        }
      } else {
        parser.skipChildren();
      }
      names.add(name != null ? name : "#" + names.size());
    }
    return names;
  }

  /** The {@code attributes.POSITION} of each primitive; the parser is on the array start. */
  private static void readPositions(JsonParser parser, List<Integer> positions) {
    for (JsonToken primitive = next(parser); primitive != JsonToken.END_ARRAY; primitive = next(parser)) {
      if (primitive != JsonToken.START_OBJECT) {
        parser.skipChildren();
        continue;
      }
      while (next(parser) == JsonToken.PROPERTY_NAME) {
        String field = parser.currentName();
        JsonToken value = next(parser);
        if (value == JsonToken.START_OBJECT && field.equals("attributes")) {
          while (next(parser) == JsonToken.PROPERTY_NAME) {
            String attribute = parser.currentName();
            JsonToken index = next(parser);
            if (index == JsonToken.VALUE_NUMBER_INT && attribute.equals("POSITION")) {
              positions.add(parser.getIntValue());
            } else {
              parser.skipChildren();
            }
          }
        } else {
          parser.skipChildren();
        }
      }
    }
  }

  /**
   * Each accessor's {@code min} and {@code max} as six numbers when both have three, else null;
   * the parser is on the array start.
   */
  private static void readAccessors(JsonParser parser, List<float[]> accessors) {
    for (JsonToken element = next(parser); element != JsonToken.END_ARRAY; element = next(parser)) {
      float[] min = null;
      float[] max = null;
      if (element == JsonToken.START_OBJECT) {
        while (next(parser) == JsonToken.PROPERTY_NAME) {
          String field = parser.currentName();
          JsonToken value = next(parser);
          if (value == JsonToken.START_ARRAY && (field.equals("min") || field.equals("max"))) {
            float[] numbers = numbers(parser);
            if (field.equals("min")) {
              min = numbers;
            } else {
              max = numbers;
            }
          } else {
            parser.skipChildren();
          }
        }
      } else {
        parser.skipChildren();
      }
      accessors.add(min != null && max != null && min.length == 3 && max.length == 3
          ? new float[] {min[0], min[1], min[2], max[0], max[1], max[2]} : null);
    }
  }

  /** Up to four numbers of an array (more make it no position range); the parser is on its start. */
  private static float[] numbers(JsonParser parser) {
    List<Float> numbers = new ArrayList<>();
    for (JsonToken element = next(parser); element != JsonToken.END_ARRAY; element = next(parser)) {
      if ((element == JsonToken.VALUE_NUMBER_INT || element == JsonToken.VALUE_NUMBER_FLOAT) && numbers.size() < 4) {
        numbers.add(parser.getFloatValue());
      } else {
        parser.skipChildren();
      }
    }
    float[] result = new float[numbers.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = numbers.get(i);
    }
    return result;
  }

  /** The elements of an array; the parser is on its start. */
  /**
   * Counts the array's elements, adding the distinct names of those that have one to
   * {@code names} (at most {@value #MAX_NAMES}); the parser is on the array start.
   */
  private static long named(JsonParser parser, java.util.Set<String> names) {
    long count = 0;
    for (JsonToken element = next(parser); element != JsonToken.END_ARRAY; element = next(parser)) {
      if (element == JsonToken.START_OBJECT) {
        String name = stringProperty(parser, "name");
        if (name != null && !name.isBlank() && names.size() < MAX_NAMES) {
          names.add(name);
        }
      } else {
        parser.skipChildren();
      }
      count++;
    }
    return count;
  }

  /**
   * The words a model is found by: its generator and the names of its meshes, nodes and
   * materials, one a line. A glTF's JSON is structure, its keys the same in every file: indexed as
   * text, they matched every model and made its keywords ({@code bytelength}, {@code nodes}).
   */
  static String searchable(Map<String, String> properties) {
    List<String> lines = new ArrayList<>();
    for (String property : List.of("generator", "meshes", NODE_NAMES, MATERIAL_NAMES)) {
      String value = properties.get(property);
      if (value != null) {
        lines.add(property.equals("generator") ? value : value.replace(',', '\n'));
      }
    }
    return String.join("\n", lines);
  }

  /** A string property of an object, skipping the rest; the parser is on the object start. */
  private static String stringProperty(JsonParser parser, String wanted) {
    String found = null;
    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (value == JsonToken.VALUE_STRING && name.equals(wanted)) {
        found = parser.getString();
      } else {
        parser.skipChildren();
      }
    }
    return found;
  }

  // Jackson reports an end of input inside a structure itself; this guards against a null token
  // anyway, which would otherwise loop forever.
  private static JsonToken next(JsonParser parser) {
    JsonToken token = parser.nextToken();
    if (token == null) {
      throw new IllegalStateException("unexpected end of JSON");
    }
    return token;
  }

  private static String skip(JsonParser parser) {
    parser.skipChildren();
    return null;
  }
}
