/**
 * The diff of two revisions: line hunks for text-like content and PDF text, and the properties
 * that differ (size, hash, type, image dimensions, page count, 3D model summary). Internal: the
 * engine calls {@link io.stockage.core.internal.diff.RevisionDiffer}; nothing outside
 * {@code stockage-core} may use this package, and the module descriptor does not export it.
 */
package io.stockage.core.internal.diff;
