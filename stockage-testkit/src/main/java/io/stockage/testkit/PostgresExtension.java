package io.stockage.testkit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension giving each test class one fresh {@link TestDatabase}, created before its
 * first test and dropped after its last. Register it on a <em>static</em> field (JUnit calls
 * class-level callbacks only on static extension fields); test methods can also take the
 * {@link TestDatabase} as a parameter.
 *
 * <pre>
 * class MyIT {
 *   &#64;RegisterExtension
 *   static final PostgresExtension POSTGRES = new PostgresExtension();
 *
 *   &#64;Test
 *   void query_something_works() {
 *     DataSource dataSource = POSTGRES.database().dataSource();
 *   }
 * }
 * </pre>
 */
public final class PostgresExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  private volatile TestDatabase database;
  // The class whose callbacks created the database: @Nested classes share it and must not drop it.
  private volatile String owner;

  /** An extension; register it with {@code @RegisterExtension} on a static field. */
  public PostgresExtension() {}

  /** Creates the class's database; a {@code @Nested} class shares its outer class's. */
  @Override
  public synchronized void beforeAll(ExtensionContext context) {
    if (database == null) {
      database = PostgresFixture.create();
      owner = context.getUniqueId();
    }
  }

  /** Drops the database after the last test of the class that created it. */
  @Override
  public synchronized void afterAll(ExtensionContext context) {
    TestDatabase current = database;
    if (current != null && context.getUniqueId().equals(owner)) {
      database = null;
      owner = null;
      current.close();
    }
  }

  /**
   * The database of the running test class.
   *
   * @throws IllegalStateException outside the class's tests, or when the extension is not
   *     registered on a static field
   */
  public TestDatabase database() {
    TestDatabase current = database;
    if (current == null) {
      throw new IllegalStateException(
          "no test database: register PostgresExtension on a static @RegisterExtension field");
    }
    return current;
  }

  /** Resolves parameters of type {@link TestDatabase}. */
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TestDatabase.class;
  }

  /** The class's database. */
  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return database();
  }
}
