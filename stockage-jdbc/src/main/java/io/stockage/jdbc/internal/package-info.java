/**
 * Internal: the implementation of {@code stockage-jdbc}. Nothing in this package is API; it may
 * change in any release, and no code outside this module may use it.
 */
package io.stockage.jdbc.internal;
