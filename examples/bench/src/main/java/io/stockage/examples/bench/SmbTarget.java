package io.stockage.examples.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/** One way of reaching the SMB share: the Stockage provider, or smbj called directly. */
interface SmbTarget extends AutoCloseable {

  /** Whether this is the provider (else raw smbj). */
  boolean provider();

  /** Stores the file under the name, read through a {@code FileInputStream}. */
  void write(String name, Path source, long bytes) throws IOException;

  /** Copies the file's content into the sink; returns the number of bytes. */
  long read(String name, OutputStream sink) throws IOException;

  /** Deletes the file. */
  void delete(String name);

  /** Disconnects. */
  @Override
  void close();
}
