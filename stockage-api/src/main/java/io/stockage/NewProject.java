package io.stockage;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What to create a project with.
 *
 * @param slug lower-case letters, digits and dashes, 1 to 63 characters, unique in the organization
 * @param title display title, 1 to 200 characters
 * @param description free text
 * @param category free classification
 * @param mount the managed mount to store its documents on; empty for the default mount
 */
public record NewProject(
    String slug, String title, String description, String category, Optional<String> mount) {
  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  /** Validates. */
  public NewProject {
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(mount, "mount");
    if (!SLUG.matcher(slug).matches()) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT,
          "a project slug is 1 to 63 lower-case letters, digits and dashes: " + slug);
    }
    if (title.isBlank() || title.length() > 200) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "a project title is 1 to 200 characters");
    }
  }

  /** A project with a slug and a title, on the default mount. */
  public static NewProject of(String slug, String title) {
    return new NewProject(slug, title, "", "", Optional.empty());
  }

  /** This project with a description. */
  public NewProject withDescription(String text) {
    return new NewProject(slug, title, text, category, mount);
  }

  /** This project stored on the named mount. */
  public NewProject onMount(String name) {
    return new NewProject(slug, title, description, category, Optional.of(name));
  }
}
