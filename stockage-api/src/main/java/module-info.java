/**
 * Stockage's public API ({@code io.stockage}) and the service-provider interfaces that
 * storage backends, catalogs and directories implement ({@code io.stockage.spi}).
 */
module io.stockage.api {
  requires transitive org.slf4j;

  exports io.stockage;
  exports io.stockage.spi;

  uses io.stockage.spi.StorageProviderFactory;
}
