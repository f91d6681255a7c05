package io.stockage.examples.server;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * HTTP Basic sends the password with every request, and checking it against its bcrypt hash costs
 * tens of milliseconds of CPU by design: a tus upload of 1 GiB in 8 MiB chunks is 128 requests, and
 * bcrypt was most of its time. A successful check is therefore remembered for a while, keyed by the
 * SHA-256 of the user and password (the password itself is never kept): the same credentials again
 * are accepted without bcrypt, anything else goes to the real check. Requests that arrive together
 * with the same unchecked credentials (64 downloaders starting at once) wait for one check instead of
 * each running bcrypt: the herd held both cores for seconds.
 */
final class CachedBasicAuthentication implements AuthenticationProvider {
  private final AuthenticationProvider delegate;
  private final AsyncCache<String, Authentication> verified;

  CachedBasicAuthentication(AuthenticationProvider delegate, Duration ttl) {
    this.delegate = delegate;
    this.verified = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).buildAsync();
  }

  @Override
  public Authentication authenticate(Authentication request) {
    if (!(request instanceof UsernamePasswordAuthenticationToken) || !(request.getCredentials() instanceof String password)) {
      return delegate.authenticate(request);
    }
    String key = digest(request.getName() + '\u0000' + password);
    CompletableFuture<Authentication> check = new CompletableFuture<>();
    CompletableFuture<Authentication> pending = verified.asMap().putIfAbsent(key, check);
    if (pending != null) {
      Authentication known = null;
      try {
        known = pending.join();
      } catch (CompletionException | CancellationException failed) {
        // The check this request waited for failed: it is checked on its own, as any other.
      }
      return known != null ? known : delegate.authenticate(request);
    }
    try {
      Authentication result = delegate.authenticate(request);
      // A null value leaves nothing in the cache: what was not authenticated is checked every time.
      check.complete(result != null && result.isAuthenticated() ? result : null);
      return result;
    } catch (RuntimeException | Error e) {
      check.completeExceptionally(e);
      throw e;
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return delegate.supports(authentication);
  }

  private static String digest(String credentials) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(credentials.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
