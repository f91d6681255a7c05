package io.stockage.examples.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

class CachedBasicAuthenticationTest {

  @Test
  void theSameCredentials_checkedOnce_andWrongOnesAlwaysRefused() {
    PasswordEncoder bcrypt = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    AtomicInteger checks = new AtomicInteger();
    PasswordEncoder counting = new PasswordEncoder() {
      @Override
      public String encode(CharSequence raw) {
        return bcrypt.encode(raw);
      }

      @Override
      public boolean matches(CharSequence raw, String encoded) {
        checks.incrementAndGet();
        return bcrypt.matches(raw, encoded);
      }
    };
    UserDetails bob = User.withUsername("bob").password(bcrypt.encode("right")).roles("USER").build();
    DaoAuthenticationProvider dao = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(bob));
    dao.setPasswordEncoder(counting);
    CachedBasicAuthentication cached = new CachedBasicAuthentication(dao, Duration.ofMinutes(5));

    for (int i = 0; i < 5; i++) {
      assertThat(cached.authenticate(new UsernamePasswordAuthenticationToken("bob", "right")).isAuthenticated()).isTrue();
    }
    assertThat(checks).as("bcrypt once for five requests").hasValue(1);
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> cached.authenticate(new UsernamePasswordAuthenticationToken("bob", "wrong")))
          .isInstanceOf(BadCredentialsException.class);
    }
    assertThat(checks).as("a wrong password is checked every time").hasValue(4);
  }
}
