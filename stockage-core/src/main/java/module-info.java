/**
 * The Stockage engine: the upload and read pipeline, authorization, the reconciler, and the
 * local-filesystem and in-memory providers.
 */
module io.stockage.core {
  requires transitive io.stockage.api;
  requires org.apache.tika.core;
  requires com.github.benmanes.caffeine;
  requires org.apache.pdfbox;
  requires org.apache.pdfbox.io;
  requires io.github.javadiffutils;
  requires tools.jackson.databind;
  requires java.desktop;
  requires java.xml;

  exports io.stockage.core;
  exports io.stockage.core.fs;
  exports io.stockage.core.memory;

  provides io.stockage.spi.storage.StorageProviderFactory with
      io.stockage.core.fs.FileSystemProviderFactory,
      io.stockage.core.memory.MemoryProviderFactory;
}
