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
  private final PasswordEncoder bcrypt = PasswordEncoderFactories.createDelegatingPasswordEncoder();
  private final AtomicInteger checks = new AtomicInteger();

  // Bob's password is "right"; every bcrypt check is counted.
  private CachedBasicAuthentication bobs() {
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
    return new CachedBasicAuthentication(dao, Duration.ofMinutes(5));
  }

  @Test
  void theSameCredentials_checkedOnce_andWrongOnesAlwaysRefused() {
    CachedBasicAuthentication cached = bobs();

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

  @Test
  void requestsArrivingTogether_waitForOneCheck_andWrongOnesArriveTogetherAreEachRefused() throws Exception {
    CachedBasicAuthentication cached = bobs();
    int clients = 16;
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
    try {
      for (String password : java.util.List.of("right", "wrong")) {
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(clients);
        java.util.List<java.util.concurrent.Future<Boolean>> answers = new java.util.ArrayList<>();
        for (int c = 0; c < clients; c++) {
          answers.add(pool.submit(() -> {
            start.await();
            try {
              return cached.authenticate(new UsernamePasswordAuthenticationToken("bob", password)).isAuthenticated();
            } catch (BadCredentialsException refused) {
              return false;
            }
          }));
        }
        for (java.util.concurrent.Future<Boolean> answer : answers) {
          assertThat(answer.get()).as(password).isEqualTo(password.equals("right"));
        }
      }
    } finally {
      pool.shutdownNow();
    }
    // bcrypt takes tens of milliseconds: the 15 others arrive while the first check runs.
    assertThat(checks).as("one check for 16 requests with the right password, then one per wrong request")
        .hasValue(1 + clients);
  }
}
