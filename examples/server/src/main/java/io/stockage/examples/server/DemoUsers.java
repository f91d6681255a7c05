package io.stockage.examples.server;

import io.stockage.OrgPermission;
import io.stockage.Subject;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The demo's users and their organizations, standing in for a host's own identity and RBAC:
 * {@code acme} has alice (its organization admin), bob and carol; {@code globex} has mallory.
 * They share one password: {@code STOCKAGE_DEMO_PASSWORD}, or a random one printed at start.
 */
@Configuration(proxyBeanMethods = false)
public class DemoUsers {
  private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);

  /** Each demo user's subject, by user name. */
  static final Map<String, Subject> SUBJECTS = Map.of(
      "alice", Subject.of("acme", "alice", OrgPermission.ADMIN),
      "bob", Subject.of("acme", "bob"),
      "carol", Subject.of("acme", "carol"),
      "mallory", Subject.of("globex", "mallory", OrgPermission.CREATE_PROJECT));

  /** The users, with the demo password. */
  @Bean
  UserDetailsService demoUserDetails(@Value("${STOCKAGE_DEMO_PASSWORD:}") String configured) {
    String password = configured.isBlank() ? randomPassword() : configured;
    if (configured.isBlank()) {
      LOG.warn("STOCKAGE_DEMO_PASSWORD is not set: the demo users {} share the password {}",
          List.copyOf(new java.util.TreeSet<>(SUBJECTS.keySet())), password);
    }
    PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    return new InMemoryUserDetailsManager(SUBJECTS.keySet().stream()
        .map(name -> User.withUsername(name).password(encoder.encode(password))
            // ORG_ADMIN: the role that sees the health endpoint's details (application.properties).
            .roles(SUBJECTS.get(name).has(OrgPermission.ADMIN) ? new String[] {"USER", "ORG_ADMIN"} : new String[] {"USER"})
            .build())
        .toList());
  }

  /** The subject of an authenticated demo user. */
  static Optional<Subject> subjectOf(String username) {
    return Optional.ofNullable(SUBJECTS.get(username));
  }

  private static String randomPassword() {
    byte[] bytes = new byte[12];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
