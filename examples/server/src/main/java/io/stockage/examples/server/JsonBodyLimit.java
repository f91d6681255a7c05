package io.stockage.examples.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds JSON request bodies at {@link #LIMIT}: a declared length above it is a 413 before the body
 * is read; a chunked body that grows past it fails while it is read (a 400, the body being
 * unreadable). File contents never come as JSON, so no honest request comes near the bound.
 */
@Component
class JsonBodyLimit extends OncePerRequestFilter {
  /** The largest JSON body accepted. */
  static final int LIMIT = 1024 * 1024;

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String type = request.getContentType();
    if (type == null || !type.toLowerCase(java.util.Locale.ROOT).contains("json")) {
      chain.doFilter(request, response);
      return;
    }
    if (request.getContentLengthLong() > LIMIT) {
      response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      response.setHeader("Connection", "close");
      response.setContentType("application/problem+json");
      response.getOutputStream().write(("{\"type\":\"urn:stockage:error:invalid_argument\",\"status\":413,"
          + "\"detail\":\"a JSON body is at most 1 MiB\",\"kind\":\"INVALID_ARGUMENT\"}").getBytes(StandardCharsets.UTF_8));
      return;
    }
    chain.doFilter(new Bounded(request), response);
  }

  /** The request with its body counted. */
  private static final class Bounded extends HttpServletRequestWrapper {
    Bounded(HttpServletRequest request) {
      super(request);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      ServletInputStream in = super.getInputStream();
      return new ServletInputStream() {
        private long read;

        @Override
        public int read() throws IOException {
          int b = in.read();
          count(b < 0 ? 0 : 1);
          return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
          int n = in.read(buf, off, len);
          count(Math.max(n, 0));
          return n;
        }

        private void count(int n) throws IOException {
          read += n;
          if (read > LIMIT) {
            throw new IOException("a JSON body is at most 1 MiB");
          }
        }

        @Override
        public boolean isFinished() {
          return in.isFinished();
        }

        @Override
        public boolean isReady() {
          return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
          in.setReadListener(listener);
        }
      };
    }
  }
}
