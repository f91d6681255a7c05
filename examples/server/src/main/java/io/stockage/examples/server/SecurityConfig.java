package io.stockage.examples.server;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * HTTP Basic on the API, stateless; the OpenAPI description, health, share links
 * ({@code /s/{token}}: the token is the credential) and signed download URLs
 * ({@code /api/v1/signed/{id}?...}: bearer URLs, the signature is the credential) and the WOPI
 * endpoints ({@code /wopi/files/...}: the access token is the credential) are public.
 * Browsers of the origins in {@code sample.cors.allowed-origins} (none by default) may call the API,
 * tus uploads included (their headers are exposed).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

  /** The filter chain. */
  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(auth -> auth
            .requestMatchers("/v3/api-docs/**", "/actuator/health/**", "/error").permitAll()
            .requestMatchers(org.springframework.http.HttpMethod.GET, "/s/*", "/api/v1/signed/*").permitAll()
            // WOPI clients call with the access token the host issued (WopiHost checks it).
            .requestMatchers("/wopi/**").permitAll()
            .anyRequest().authenticated())
        .cors(Customizer.withDefaults())
        .httpBasic(Customizer.withDefaults())
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
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
