/**
 * Service-provider interfaces: what storage backends ({@link io.stockage.spi.StorageProvider}),
 * catalogs ({@link io.stockage.spi.Catalog}), directories ({@link io.stockage.spi.Directory}) and
 * the later revision, access, search and event services implement. This tier may evolve faster
 * than {@code io.stockage}; host applications normally only construct implementations.
 */
package io.stockage.spi;
