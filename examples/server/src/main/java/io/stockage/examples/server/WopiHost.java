package io.stockage.examples.server;

import io.stockage.Stockage;
import io.stockage.Subject;
import jakarta.servlet.http.HttpServletRequest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The WOPI host's settings and its front door: access tokens ({@code stockage.wopi.token-key},
 * base64, shared by every node; {@code stockage.wopi.token-ttl}, 10 h) issued to an authenticated
 * user for one file, and checked on every WOPI call with the proof headers when a discovery document
 * ({@code stockage.wopi.discovery}: URL or file) is configured.
 */
@Component
class WopiHost {
  private static final Logger LOG = LoggerFactory.getLogger(WopiHost.class);

  private final WopiTokens tokens;
  private final Optional<WopiDiscovery> discovery;
  private final String publicUrl;
  private final long maxSize;
  private final InstantSource clock;

  WopiHost(@Value("${stockage.wopi.discovery:}") String discovery, @Value("${stockage.wopi.token-key:}") String key,
      @Value("${stockage.wopi.token-ttl:10h}") Duration ttl, @Value("${stockage.public-url}") String publicUrl,
      @Value("${stockage.upload.max-size:150MB}") DataSize maxSize, ObjectProvider<InstantSource> clocks) {
    this.clock = clocks.getIfUnique(InstantSource::system);
    this.tokens = new WopiTokens(key(key), ttl, clock);
    this.discovery = WopiDiscovery.at(discovery);
    this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    this.maxSize = maxSize.toBytes();
  }

  private static byte[] key(String configured) {
    if (!configured.isBlank()) {
      return Base64.getDecoder().decode(configured.strip());
    }
    LOG.warn("stockage.wopi.token-key is not set: WOPI tokens are signed with a random key of this process"
        + " (they die at restart, and other nodes refuse them)");
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    return random;
  }

  long maxSize() {
    return maxSize;
  }

  /** A WOPI call that may go on: who makes it, on which file. */
  record Authorized(Subject subject, WopiFile file) {}

  /** A WOPI call refused before it reaches the file, with its status. */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final HttpStatus status;

    Refused(HttpStatus status, String why) {
      super(why, null, false, false);
      this.status = status;
    }

    HttpStatus status() {
      return status;
    }
  }

  /** The token's user on the file its id names; 401 for a bad token, 500 for a bad proof. */
  Authorized authorize(String id, HttpServletRequest request) {
    String token = queryParameter(request.getQueryString(), "access_token");
    String bearer = request.getHeader("Authorization");
    if ((token == null || token.isEmpty()) && bearer != null && bearer.startsWith("Bearer ")) {
      token = bearer.substring("Bearer ".length()).strip();
    }
    Optional<WopiTokens.Claims> claims = tokens.verify(token, id);
    Optional<Subject> subject = claims.flatMap(c -> DemoUsers.subjectOf(c.user()));
    Optional<WopiFile> file = WopiFile.parse(id);
    if (subject.isEmpty() || file.isEmpty()) {
      throw new Refused(HttpStatus.UNAUTHORIZED, "no valid access token for file " + id);
    }
    if (discovery.isPresent()) {
      // The client signs the URL it called: the public one (behind a proxy), or this server's own.
      String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
      List<String> urls = List.of(publicUrl + request.getRequestURI() + query, request.getRequestURL() + query);
      String token0 = token;
      if (urls.stream().distinct().noneMatch(url -> WopiProof.genuine(discovery.get().proofKeys(), token0, url,
          request.getHeader("X-WOPI-TimeStamp"), request.getHeader("X-WOPI-Proof"),
          request.getHeader("X-WOPI-ProofOld"), clock.instant()))) {
        // Microsoft's validator expects a 500 when the proof does not verify.
        throw new Refused(HttpStatus.INTERNAL_SERVER_ERROR, "the WOPI proof does not verify");
      }
    }
    return new Authorized(subject.get(), file.get());
  }

  // From the query string only: getParameter would read a form-encoded body to find it, and a PutFile
  // whose client labels its bytes as a form (curl's default) would lose them.
  private static String queryParameter(String query, String name) {
    if (query == null) {
      return null;
    }
    java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String key = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), utf8);
      if (key.equals(name)) {
        return eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), utf8);
      }
    }
    return null;
  }

  /** The answer to a token request. */
  record TokenView(String access_token, long access_token_ttl, String wopiSrc, String actionUrl) {}

  TokenView issue(Subject subject, WopiFile file, WopiFile.Info info, String mimeType) {
    WopiTokens.Issued issued = tokens.issue(subject.user().value(), file.id());
    String wopiSrc = publicUrl + "/wopi/files/" + file.id();
    int dot = info.name().lastIndexOf('.');
    String extension = dot < 0 ? "" : info.name().substring(dot + 1);
    String action = discovery.flatMap(d -> d.actionUrl(extension, mimeType, wopiSrc)).orElse(null);
    return new TokenView(issued.token(), issued.expiresAt().toEpochMilli(), wopiSrc, action);
  }

  /** Issues WOPI access tokens to the API's authenticated users. */
  @RestController
  static class Tokens {
    private final Stockage stockage;
    private final WopiHost host;

    Tokens(Stockage stockage, WopiHost host) {
      this.stockage = stockage;
      this.host = host;
    }

    /** A token for a managed file the caller can see. */
    @PostMapping("/api/v1/files/{id}/wopi-token")
    TokenView file(Subject subject, @PathVariable String id) {
      io.stockage.Item item = stockage.files().stat(subject, io.stockage.ItemId.parse(id));
      WopiFile file = new WopiFile.Managed(item.id());
      return host.issue(subject, file, file.info(stockage, subject), item.mimeType());
    }

    /** A token for a live mount's file the caller can see. */
    @PostMapping("/api/v1/mounts/{mount}/wopi-token")
    TokenView entry(Subject subject, @PathVariable String mount, @RequestParam String path) {
      io.stockage.Entry entry = stockage.live().entry(subject, mount, path);
      WopiFile file = new WopiFile.Live(mount, entry.path());
      return host.issue(subject, file, file.info(stockage, subject), "");
    }
  }
}
