package io.stockage;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What uploads are accepted: a size cap and the allowed extensions. The detected type of the
 * bytes must agree with the extension.
 *
 * @param maxSize largest accepted content, in bytes
 * @param allowedExtensions lower-case extensions with their dot ({@code .pdf})
 */
public record UploadPolicy(long maxSize, Set<String> allowedExtensions) {
  /** The default cap: 150 MB (seed 000, {@code MAX_BLUEPRINT_UPLOAD_MB = 150}). */
  public static final long DEFAULT_MAX_SIZE = 150L * 1024 * 1024;

  /** The default extensions of seed 000. */
  public static final Set<String> DEFAULT_EXTENSIONS =
      Set.of(".pdf", ".png", ".jpg", ".glb", ".gltf", ".stl");

  /** Validates and normalizes the extensions. */
  public UploadPolicy {
    if (maxSize < 1) {
      throw StockageException.of(ErrorKind.CONFIG_INVALID, "the upload size cap must be positive");
    }
    allowedExtensions = allowedExtensions.stream()
        .map(e -> (e.startsWith(".") ? e : "." + e).toLowerCase(Locale.ROOT))
        .collect(Collectors.toUnmodifiableSet());
    if (allowedExtensions.isEmpty()) {
      throw StockageException.of(ErrorKind.CONFIG_INVALID, "at least one extension must be allowed");
    }
  }

  /** 150 MB, {@code .pdf .png .jpg .glb .gltf .stl}. */
  public static UploadPolicy defaults() {
    return new UploadPolicy(DEFAULT_MAX_SIZE, DEFAULT_EXTENSIONS);
  }

  /** This policy with another size cap. */
  public UploadPolicy withMaxSize(long bytes) {
    return new UploadPolicy(bytes, allowedExtensions);
  }

  /** This policy with other extensions. */
  public UploadPolicy withExtensions(Set<String> extensions) {
    return new UploadPolicy(maxSize, extensions);
  }
}
