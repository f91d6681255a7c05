/**
 * The SMB provider's implementation: sessions, reader, writer, lister, the folder tree and the
 * one place SMB errors are mapped ({@code SmbErrors}). Not API: nothing outside this module may
 * use it, and it changes without notice.
 */
package io.stockage.provider.smb.internal;
