package io.stockage.core;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.net.SocketFactory;

/**
 * A socket factory for the PostgreSQL driver ({@code socketFactory} in the JDBC URL) that counts
 * round trips: a read from a connection's socket after the client wrote to it is one, counted for
 * the thread that reads. What the driver sends on its own (a {@code SET}, a {@code BEGIN} sent with
 * the first statement) is counted as the server sees it.
 */
public final class RoundTripCounter extends SocketFactory {
  private static final Map<Thread, AtomicInteger> COUNTING = new ConcurrentHashMap<>();

  /** For the driver, which makes the factory by reflection. */
  public RoundTripCounter() {}

  /** The JDBC URL with this factory's sockets. */
  static String url(String jdbcUrl) {
    return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "socketFactory=" + RoundTripCounter.class.getName();
  }

  /** The round trips the calling thread made while {@code work} ran. */
  static int count(Supplier<?> work) {
    AtomicInteger count = new AtomicInteger();
    COUNTING.put(Thread.currentThread(), count);
    try {
      work.get();
    } finally {
      COUNTING.remove(Thread.currentThread());
    }
    return count.get();
  }

  @Override
  public Socket createSocket() {
    return new Counted();
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return connected(new InetSocketAddress(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    return connected(new InetSocketAddress(host, port));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return connected(new InetSocketAddress(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return connected(new InetSocketAddress(address, port));
  }

  private static Socket connected(InetSocketAddress address) throws IOException {
    Socket socket = new Counted();
    socket.connect(address);
    return socket;
  }

  /** A socket whose first read after a write counts a round trip. */
  private static final class Counted extends Socket {
    private volatile boolean wrote;

    @Override
    public OutputStream getOutputStream() throws IOException {
      return new FilterOutputStream(super.getOutputStream()) {
        @Override
        public void write(int b) throws IOException {
          wrote = true;
          out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          wrote = true;
          out.write(b, off, len);
        }
      };
    }

    @Override
    public InputStream getInputStream() throws IOException {
      return new FilterInputStream(super.getInputStream()) {
        @Override
        public int read() throws IOException {
          counted();
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          counted();
          return in.read(b, off, len);
        }
      };
    }

    private void counted() {
      if (wrote) {
        wrote = false;
        AtomicInteger count = COUNTING.get(Thread.currentThread());
        if (count != null) {
          count.incrementAndGet();
        }
      }
    }
  }
}
