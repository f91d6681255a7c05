package io.stockage.examples.bench;

import io.stockage.testkit.TestDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Spring Content's file-system store with its JPA entity on the benchmark's PostgreSQL, in a JVM of
 * its own (the {@code examples/bench-spring-content} jar), driven over its standard input; each
 * store and get is timed inside that JVM, so the pipe between the two is not counted.
 */
final class SpringContentLeg implements PeerLeg {
  private static final String ANSWER = "@@ ";

  private final Process process;
  private final PrintWriter commands;
  private final BufferedReader answers;
  private final List<String> chatter = new ArrayList<>();

  private SpringContentLeg(Process process) {
    this.process = process;
    this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  /** Starts the jar on the database, its store rooted at the directory; waits until it is ready. */
  static SpringContentLeg start(Path jar, TestDatabase db, Path root) throws IOException {
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-jar", jar.toString(), "--spring.datasource.url=" + db.jdbcUrl(), "--spring.datasource.username=" + db.user(),
        "--spring.datasource.password=" + db.password(), "--spring.content.fs.filesystem-root=" + root);
    SpringContentLeg leg = new SpringContentLeg(new ProcessBuilder(command).redirectErrorStream(true).start());
    String ready = leg.answer();
    if (!ready.equals("ready")) {
      leg.close();
      throw new IllegalStateException("Spring Content did not start: " + ready);
    }
    return leg;
  }

  @Override
  public String name() {
    return "Spring Content fs";
  }

  @Override
  public long store(Path source, String key) throws IOException {
    return ask("store " + source + " " + key);
  }

  @Override
  public long fetch(String key, Path target) throws IOException {
    return ask("fetch " + key + " " + target);
  }

  @Override
  public void remove(String key) throws IOException {
    ask("remove " + key);
  }

  private long ask(String command) throws IOException {
    commands.println(command);
    String answer = answer();
    if (answer.startsWith("error ")) {
      throw new IOException("Spring Content: " + command + ": " + answer.substring(6));
    }
    return Long.parseLong(answer);
  }

  // The next answer line; anything else the JVM prints is kept for an error message.
  private String answer() throws IOException {
    for (String line = answers.readLine(); line != null; line = answers.readLine()) {
      if (line.startsWith(ANSWER)) {
        return line.substring(ANSWER.length());
      }
      chatter.add(line);
    }
    throw new IOException("Spring Content's JVM ended; it printed: " + String.join("\n", chatter));
  }

  @Override
  public void close() throws IOException {
    commands.println("quit");
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
