package io.stockage.examples.bench;

/** What one iteration times, Stockage's side first, then the baselines. */
enum Operation {
  /** {@code Stockage.upload} from a {@code FileInputStream}. */
  UPLOAD("upload"),
  /** {@code Stockage.open}, the stream's {@code transferTo} a {@code FileOutputStream}. */
  DOWNLOAD("download"),
  /** {@code Files.copy(Path, Path)}. */
  COPY("copy"),
  /** {@code Files.copy(Path, Path)}, then {@code FileChannel.force(true)} on the copy. */
  COPY_FSYNC("copy+fsync");

  private final String label;

  Operation(String label) {
    this.label = label;
  }

  /** The column name in the report. */
  String label() {
    return label;
  }
}
