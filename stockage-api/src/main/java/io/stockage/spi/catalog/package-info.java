/**
 * What a catalog implements: {@link io.stockage.spi.catalog.Catalog} and the record stores of one
 * of its transactions ({@link io.stockage.spi.catalog.CatalogSession}), with the user directory
 * the engine resolves teams through ({@link io.stockage.spi.catalog.Directory}). The JDBC
 * catalog is the reference implementation. This tier may evolve faster than {@code io.stockage}.
 */
package io.stockage.spi.catalog;
