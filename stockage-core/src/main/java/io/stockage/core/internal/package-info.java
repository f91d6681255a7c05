/**
 * Implementation of the engine. Internal: nothing outside {@code stockage-core} may use it, and it
 * changes without notice. The module descriptor does not export it.
 */
package io.stockage.core.internal;
