package io.stockage.provider.smb.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Sockets that give up connecting after a timeout. smbj's default factory connects without one,
 * so an unreachable host would hang a call for the system's TCP timeout (minutes) instead of
 * failing with {@code UNAVAILABLE}.
 */
final class ConnectTimeoutSocketFactory extends SocketFactory {
  private final int timeoutMillis;

  ConnectTimeoutSocketFactory(int timeoutMillis) {
    this.timeoutMillis = timeoutMillis;
  }

  @Override
  public Socket createSocket() {
    return new Socket();
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return connected(new InetSocketAddress(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    return createSocket(host, port);
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return connected(new InetSocketAddress(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
    return createSocket(address, port);
  }

  private Socket connected(InetSocketAddress address) throws IOException {
    Socket socket = new Socket();
    try {
      // smbj writes a message's 4-byte header and its body separately: with Nagle's algorithm a
      // quarter of 1 MiB WRITEs stalled ~50 ms waiting for the delayed ACK (examples/bench).
      socket.setTcpNoDelay(true);
      socket.connect(address, timeoutMillis);
      return socket;
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }
}
