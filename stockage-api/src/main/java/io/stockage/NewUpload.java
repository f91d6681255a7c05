package io.stockage;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a resumable upload will make ({@link Uploads#create}): a new file in a location, or the next
 * revision of a file; with its length when the client knows it.
 *
 * @param location where a new file goes; empty for a new revision
 * @param name the new file's name; empty for a new revision
 * @param file the file that gets a new revision; empty for a new file
 * @param length the total length, when declared now (else {@link Uploads#declareLength} later)
 */
public record NewUpload(Optional<Location> location, Optional<String> name, Optional<ItemId> file,
    OptionalLong length) {
  /** Validates. */
  public NewUpload {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(length, "length");
    if (file.isPresent() == location.isPresent() || location.isPresent() != name.isPresent()) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "an upload makes a new file (location and name) or a revision");
    }
    if (length.isPresent() && length.getAsLong() < 0) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "an upload's length is not negative");
    }
  }

  /** A new file named so in the location. */
  public static NewUpload file(Location location, String name) {
    return new NewUpload(Optional.of(location), Optional.of(name), Optional.empty(), OptionalLong.empty());
  }

  /** The next revision of the file. */
  public static NewUpload revision(ItemId file) {
    return new NewUpload(Optional.empty(), Optional.empty(), Optional.of(file), OptionalLong.empty());
  }

  /** This upload, of that total length. */
  public NewUpload withLength(long value) {
    return new NewUpload(location, name, file, OptionalLong.of(value));
  }
}
