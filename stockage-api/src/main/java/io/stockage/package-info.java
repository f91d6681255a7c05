/**
 * The user API of Stockage: the {@link io.stockage.Stockage} facade, the values it takes and
 * returns, and {@link io.stockage.StockageException}. Every call takes the
 * {@link io.stockage.Subject} on whose behalf it acts.
 */
package io.stockage;
