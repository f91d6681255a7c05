package io.stockage.examples.server;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcherEntry;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Two ways in. API clients use HTTP Basic, stateless: no session, no CSRF token (a request that
 * carries its credentials cannot be forged by another site's page). Browsers sign in with the form
 * at {@code /login} and get a session cookie; every request that changes something and rides on
 * that session must carry the session's CSRF token (the web UI's pages hold it). Pages send an
 * unauthenticated browser to the form, the API answers 401.
 *
 * <p>The OpenAPI description, health, the sign-in form and the UI's assets, share links
 * ({@code /s/{token}}: the token is the credential) and signed download URLs
 * ({@code /api/v1/signed/{id}?...}: bearer URLs, the signature is the credential) and the WOPI
 * endpoints ({@code /wopi/files/...}: the access token is the credential) are public.
 * Browsers of the origins in {@code sample.cors.allowed-origins} (none by default) may call the API,
 * tus uploads included (their headers are exposed).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {
  private static final java.util.Set<String> SAFE_METHODS = java.util.Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  /** The filter chain. */
  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    RequestMatcher pages = new OrRequestMatcher(paths.matcher(HttpMethod.GET, "/"),
        paths.matcher(HttpMethod.GET, "/projects"), paths.matcher(HttpMethod.GET, "/projects/**"),
        paths.matcher(HttpMethod.GET, "/vault"), paths.matcher(HttpMethod.GET, "/mounts"),
        paths.matcher(HttpMethod.GET, "/mounts/**"));
    HttpSessionRequestCache pagesOnly = new HttpSessionRequestCache();
    pagesOnly.setRequestMatcher(pages);
    // The page asked for, as it was (no "?continue" marker added to it).
    pagesOnly.setMatchingRequestParameterName(null);
    BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
    basic.setRealmName("Stockage");
    AuthenticationEntryPoint entryPoint = new DelegatingAuthenticationEntryPoint(basic,
        new RequestMatcherEntry<>(pages, new LoginUrlAuthenticationEntryPoint("/login")),
        // The UI's own calls: a 401 without a Basic challenge, so the browser shows no password prompt.
        new RequestMatcherEntry<>(new RequestHeaderRequestMatcher("X-Requested-With", "XMLHttpRequest"),
            new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
    http.authorizeHttpRequests(auth -> auth
            .requestMatchers("/v3/api-docs/**", "/actuator/health/**", "/error", "/login", "/app/**").permitAll()
            .requestMatchers(HttpMethod.GET, "/s/*", "/api/v1/signed/*").permitAll()
            // WOPI clients call with the access token the host issued (WopiHost checks it).
            .requestMatchers("/wopi/**").permitAll()
            .anyRequest().authenticated())
        .cors(Customizer.withDefaults())
        // Basic authenticates each request on its own: nothing kept in a session.
        .httpBasic(basicAuth -> basicAuth.authenticationEntryPoint(basic)
            .securityContextRepository(new RequestAttributeSecurityContextRepository()))
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/projects", false))
        .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
        // Only a request that may be authenticated by the session cookie alone needs the token.
        .csrf(csrf -> csrf.requireCsrfProtectionMatcher(request -> !SAFE_METHODS.contains(request.getMethod())
            && request.getHeader(HttpHeaders.AUTHORIZATION) == null && request.getRequestedSessionId() != null
            && !request.getRequestURI().startsWith("/wopi/")))
        .requestCache(cache -> cache.requestCache(pagesOnly))
        .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint));
    return http.build();
  }

  /**
   * The demo users' passwords checked with bcrypt once per {@code sample.auth-cache-ttl} (5 min) for
   * the same credentials ({@link CachedBasicAuthentication}): a change of password or user shows
   * after at most that long.
   */
  @Bean
  AuthenticationProvider authenticationProvider(UserDetailsService users,
      @Value("${sample.auth-cache-ttl:5m}") java.time.Duration ttl) {
    DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
    dao.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
    return new CachedBasicAuthentication(dao, ttl);
  }

  /** Cross-origin calls from the configured origins, with credentials; preflights answered before authentication. */
  @Bean
  CorsConfigurationSource corsConfigurationSource(
      @Value("${sample.cors.allowed-origins:}") List<String> origins) {
    CorsConfiguration cors = new CorsConfiguration();
    cors.setAllowedOrigins(origins.stream().filter(o -> !o.isBlank()).toList());
    cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
    cors.setAllowedHeaders(List.of("*"));
    cors.setExposedHeaders(List.of("Location", "ETag", "Content-Range", "Upload-Offset", "Upload-Length",
        "Upload-Defer-Length", "Upload-Expires", "Upload-Metadata", "Tus-Resumable", "Tus-Version", "Tus-Extension",
        "Tus-Max-Size", "Tus-Checksum-Algorithm", "Stockage-Item"));
    cors.setAllowCredentials(true);
    cors.setMaxAge(3600L);
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/api/**", cors);
    return source;
  }
}
