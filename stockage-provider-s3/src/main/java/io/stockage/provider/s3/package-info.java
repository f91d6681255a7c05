/**
 * The S3 storage provider: {@link io.stockage.provider.s3.S3StorageProvider}, built with
 * {@link io.stockage.provider.s3.S3StorageProvider#builder()} or, from string properties, by
 * {@link io.stockage.provider.s3.S3ProviderFactory} under the scheme {@code s3}.
 */
package io.stockage.provider.s3;
