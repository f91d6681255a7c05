package io.stockage.examples.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The sample server: a Spring Boot host that embeds Stockage through its starter. With no
 * configuration it stores under {@code ./stockage-data} (local disk + embedded PostgreSQL).
 */
@SpringBootApplication
public class SampleServerApplication {

  /** Starts the server. */
  public static void main(String[] args) {
    SpringApplication.run(SampleServerApplication.class, args);
  }
}
