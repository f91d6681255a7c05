/**
 * The S3 provider's implementation: reader, writer, lister, deleter, presigner and the one place
 * S3 errors are mapped ({@code S3Errors}). Not API: nothing outside this module may use it, and it
 * changes without notice.
 */
package io.stockage.provider.s3.internal;
