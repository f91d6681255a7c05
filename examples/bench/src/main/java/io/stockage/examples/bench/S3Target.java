package io.stockage.examples.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

/** One way of reaching the bucket: the Stockage provider, or the AWS SDK called directly. */
interface S3Target {

  /** Whether this is the provider (else the raw SDK). */
  boolean provider();

  /** Stores the file under the key, read through a {@code FileInputStream}. */
  void put(String key, Path source, long bytes) throws IOException;

  /** Copies the object's content into the sink; returns the number of bytes. */
  long get(String key, OutputStream sink) throws IOException;

  /** Deletes the objects; missing ones are fine. */
  void delete(List<String> keys);
}
