/**
 * A real Samba server for tests, without Docker: {@link io.stockage.testkit.smb.SambaFixture}
 * runs Debian's {@code smbd} (installed with {@code apt-get} when missing) as a child process with
 * a private configuration on a random loopback port, serving one share to one user. It can be
 * stopped and started ({@link io.stockage.testkit.conformance.ServerControl}) to test outages, and
 * {@link io.stockage.testkit.smb.Smbclient} runs Samba's command-line client on its share to
 * check from the outside what a provider stored.
 */
package io.stockage.testkit.smb;
