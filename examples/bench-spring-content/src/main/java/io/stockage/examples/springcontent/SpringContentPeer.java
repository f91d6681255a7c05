package io.stockage.examples.springcontent;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Spring Content's file-system store with its JPA entity, driven one command per line of standard
 * input, each answered on standard output by a line {@code @@ <nanoseconds>} (the time the store
 * or the get took, measured here) or {@code @@ error <message>}:
 * <ul>
 *   <li>{@code store <source file> <key>}: {@code setContent(entity, FileInputStream)}, then the
 *       repository's {@code save};
 *   <li>{@code fetch <key> <target file>}: {@code getContent(entity)} copied into a
 *       {@code FileOutputStream};
 *   <li>{@code remove <key>}: {@code unsetContent}, then the row deleted (answered {@code @@ 0});
 *   <li>{@code quit}.
 * </ul>
 * Arguments: {@code --spring.datasource.url=... --spring.datasource.username=...
 * --spring.datasource.password=... --spring.content.fs.filesystem-root=...}.
 */
@SpringBootApplication
public class SpringContentPeer implements CommandLineRunner {
  private final DocumentRepository repository;
  private final DocumentStore store;
  private final Map<String, Long> ids = new HashMap<>();

  SpringContentPeer(DocumentRepository repository, DocumentStore store) {
    this.repository = repository;
    this.store = store;
  }

  /** Starts the application without a web server and serves commands until {@code quit}. */
  public static void main(String[] args) {
    SpringApplication application = new SpringApplication(SpringContentPeer.class);
    application.setBannerMode(Banner.Mode.OFF);
    application.setWebApplicationType(WebApplicationType.NONE);
    application.setDefaultProperties(Map.of("logging.level.root", "WARN", "spring.jpa.hibernate.ddl-auto", "create",
        "spring.jpa.open-in-view", "false"));
    application.run(args);
  }

  @Override
  public void run(String... args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    System.out.println("@@ ready");
    for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
      String[] words = line.split(" ");
      try {
        long start = System.nanoTime();
        switch (words[0]) {
          case "store" -> store(words[1], words[2]);
          case "fetch" -> fetch(words[1], words[2]);
          case "remove" -> remove(words[1]);
          default -> throw new IllegalArgumentException("unknown command " + words[0]);
        }
        System.out.println("@@ " + (words[0].equals("remove") ? 0 : System.nanoTime() - start));
      } catch (Exception e) {
        System.out.println("@@ error " + e.toString().replace('\n', ' '));
      }
    }
  }

  private void store(String source, String key) throws Exception {
    Document document = new Document();
    document.setName(key);
    try (InputStream content = new FileInputStream(source)) {
      document = store.setContent(document, content);
    }
    ids.put(key, repository.save(document).getId());
  }

  private void fetch(String key, String target) throws Exception {
    Document document = repository.findById(ids.get(key)).orElseThrow();
    try (InputStream content = store.getContent(document); OutputStream out = new FileOutputStream(target)) {
      content.transferTo(out);
    }
  }

  private void remove(String key) {
    Document document = repository.findById(ids.remove(key)).orElseThrow();
    repository.delete(store.unsetContent(document));
  }
}
