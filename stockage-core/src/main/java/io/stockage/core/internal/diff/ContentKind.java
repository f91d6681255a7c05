package io.stockage.core.internal.diff;

import java.util.Locale;
import java.util.Set;

/** What the differ extracts from a type. */
enum ContentKind {
  /** Text-like: a line diff. */
  TEXT,
  /** glTF JSON: a line diff and the model summary. */
  GLTF_JSON,
  /** glTF binary (GLB): the model summary from its JSON chunk. */
  GLB,
  /** PDF: a line diff of its text, and the page count. */
  PDF,
  /** PNG or JPEG: the dimensions from the header. */
  IMAGE,
  /** STL, ASCII or binary: triangle count and bounding box. */
  STL,
  /** Anything else: the catalog properties only; the content is not opened. */
  OTHER;

  private static final Set<String> TEXT_TYPES = Set.of(
      "application/json", "application/xml", "application/x-ndjson", "application/yaml", "application/x-yaml");
  private static final Set<String> STL_TYPES = Set.of(
      "model/stl", "model/x.stl-ascii", "model/x.stl-binary", "application/sla", "application/vnd.ms-pki.stl");

  /** The kind of a MIME type; parameters and case are ignored. */
  static ContentKind of(String mimeType) {
    String type = normalize(mimeType);
    if (type.equals("model/gltf+json")) {
      return GLTF_JSON;
    }
    if (type.equals("model/gltf-binary")) {
      return GLB;
    }
    if (type.equals("application/pdf")) {
      return PDF;
    }
    if (type.equals("image/png") || type.equals("image/jpeg")) {
      return IMAGE;
    }
    if (STL_TYPES.contains(type)) {
      return STL;
    }
    boolean text = type.startsWith("text/") || TEXT_TYPES.contains(type)
        || (type.startsWith("application/") && (type.endsWith("+xml") || type.endsWith("+json")));
    return text ? TEXT : OTHER;
  }

  /** The type without parameters, trimmed and in lower case. */
  static String normalize(String mimeType) {
    int semicolon = mimeType.indexOf(';');
    String type = semicolon < 0 ? mimeType : mimeType.substring(0, semicolon);
    return type.trim().toLowerCase(Locale.ROOT);
  }
}
