/**
 * The SMB storage provider: {@link io.stockage.provider.smb.SmbStorageProvider}, built with
 * {@link io.stockage.provider.smb.SmbStorageProvider#builder()} or, from string properties, by
 * {@link io.stockage.provider.smb.SmbProviderFactory} under the scheme {@code smb}.
 */
package io.stockage.provider.smb;
