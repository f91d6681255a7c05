package io.stockage;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a resumable upload will make ({@link Uploads#create}): a new file in a location, the next
 * revision of a file, or a file at a path of a live mount; with its length when the client knows it.
 *
 * @param location where a new file goes
 * @param name the new file's name, with its location
 * @param file the file that gets a new revision
 * @param mount the live mount written to
 * @param path the path in the live mount, with its mount
 * @param length the total length, when declared now (else {@link Uploads#declareLength} later)
 */
public record NewUpload(Optional<Location> location, Optional<String> name, Optional<ItemId> file,
    Optional<String> mount, Optional<String> path, OptionalLong length) {
  /** Validates. */
  public NewUpload {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(mount, "mount");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(length, "length");
    int targets = (location.isPresent() ? 1 : 0) + (file.isPresent() ? 1 : 0) + (mount.isPresent() ? 1 : 0);
    if (targets != 1 || location.isPresent() != name.isPresent() || mount.isPresent() != path.isPresent()) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT,
          "an upload makes a new file (location and name), a revision (a file), or a live mount's file (mount and path)");
    }
    if (length.isPresent() && length.getAsLong() < 0) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "an upload's length is not negative");
    }
  }

  /** A new file named so in the location. */
  public static NewUpload file(Location location, String name) {
    return new NewUpload(Optional.of(location), Optional.of(name), Optional.empty(), Optional.empty(), Optional.empty(),
        OptionalLong.empty());
  }

  /** The next revision of the file. */
  public static NewUpload revision(ItemId file) {
    return new NewUpload(Optional.empty(), Optional.empty(), Optional.of(file), Optional.empty(), Optional.empty(),
        OptionalLong.empty());
  }

  /** A file at the path of the live mount (created, or replaced). */
  public static NewUpload entry(String mount, String path) {
    return new NewUpload(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(mount), Optional.of(path),
        OptionalLong.empty());
  }

  /** This upload, of that total length. */
  public NewUpload withLength(long value) {
    return new NewUpload(location, name, file, mount, path, OptionalLong.of(value));
  }
}
