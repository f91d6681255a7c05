/**
 * Stockage's public API ({@code io.stockage}) and the service-provider interfaces that storage
 * backends ({@code io.stockage.spi.storage}) and catalogs ({@code io.stockage.spi.catalog})
 * implement.
 */
module io.stockage.api {
  requires transitive org.slf4j;

  exports io.stockage;
  exports io.stockage.spi.storage;
  exports io.stockage.spi.catalog;

  uses io.stockage.spi.storage.StorageProviderFactory;
}
