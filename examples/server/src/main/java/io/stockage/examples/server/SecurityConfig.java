package io.stockage.examples.server;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * HTTP Basic on the API, stateless; the OpenAPI description, health, share links
 * ({@code /s/{token}}: the token is the credential) and signed download URLs
 * ({@code /api/v1/signed/{id}?...}: bearer URLs, the signature is the credential) are public.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

  /** The filter chain. */
  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(auth -> auth
            .requestMatchers("/v3/api-docs/**", "/actuator/health/**", "/error").permitAll()
            .requestMatchers(org.springframework.http.HttpMethod.GET, "/s/*", "/api/v1/signed/*").permitAll()
            .anyRequest().authenticated())
        .httpBasic(Customizer.withDefaults())
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    return http.build();
  }
}
