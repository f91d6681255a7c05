package io.stockage.jdbc.internal;

import io.stockage.ErrorKind;
import io.stockage.StockageException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.JdbiException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The one place where database failures become {@link StockageException}s, by SQLState
 * (PostgreSQL, Appendix A "Error Codes"):
 * <ul>
 *   <li>{@code 23505} unique violation: {@code ALREADY_EXISTS}, naming what clashed when the
 *       constraint is one of the catalog's;</li>
 *   <li>{@code 40001} serialization failure, {@code 40P01} deadlock: {@code CONFLICT};</li>
 *   <li>class {@code 08} (connection exception), a refused or timed-out connection, a pool that
 *       gave no connection in time, and a server shutting down or out of connection slots
 *       ({@code 57P01}-{@code 57P03}, {@code 53300}): {@code UNAVAILABLE};</li>
 *   <li>class {@code 28} (bad user or password) and {@code 3D000} (no such database):
 *       {@code CONFIG_INVALID}, since retrying cannot help;</li>
 *   <li>{@code 22021} (a NUL in {@code text}) and {@code 22P05} (an escaped NUL in {@code jsonb}):
 *       {@code INVALID_ARGUMENT}, since the value came from the caller;</li>
 *   <li>everything else: {@code UNEXPECTED}.</li>
 * </ul>
 * A {@link StockageException} is returned unchanged. The few failures that are not the
 * database's (a custom field value that cannot be stored as JSON, stored JSON that cannot be read)
 * are made here too.
 */
public final class JdbcErrors {
  private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");
  // PostgreSQL's detail of a unique violation, in its default (English) messages.
  private static final Pattern KEY_DETAIL = Pattern.compile("Key \\((.*)\\)=\\((.*)\\) already exists\\.", Pattern.DOTALL);
  // The values of items_live_name_uq: project id, parent key, then the name (which may hold commas).
  private static final Pattern ITEM_KEY = Pattern.compile("[0-9a-f-]{36}, [0-9a-f-]{36}, (.*)", Pattern.DOTALL);
  private static final int MAX_CAUSES = 20;

  private JdbcErrors() {}

  /** The Stockage form of a failure of the database, its driver, the pool or Jdbi. */
  public static StockageException map(Throwable failure) {
    if (failure instanceof StockageException stockage) {
      return stockage;
    }
    Optional<SQLException> sql = sqlException(failure);
    String state = sql.map(SQLException::getSQLState).orElse("");
    if (state.equals("23505")) {
      return alreadyExists(sql.orElseThrow(), failure);
    }
    if (state.equals("40001") || state.equals("40P01")) {
      return StockageException.of(ErrorKind.CONFLICT,
          "the transaction conflicted with a concurrent one (SQLState " + state + ")", failure);
    }
    if (state.startsWith("08") || UNAVAILABLE_STATES.contains(state) || isConnectionFailure(failure)) {
      return StockageException.of(ErrorKind.UNAVAILABLE,
          "the database cannot be reached: " + summary(sql, failure), failure);
    }
    if (state.equals("22021") || state.equals("22P05")) {
      return StockageException.of(ErrorKind.INVALID_ARGUMENT,
          "a value holds a character the database cannot store (SQLState " + state + ")", failure);
    }
    if (state.startsWith("28") || state.equals("3D000")) {
      return StockageException.of(ErrorKind.CONFIG_INVALID,
          "the database refused the configured connection: " + summary(sql, failure), failure);
    }
    String code = state.isEmpty() ? "" : " (SQLState " + state + ")";
    return StockageException.of(ErrorKind.UNEXPECTED, "database failure" + code + ": " + summary(sql, failure), failure);
  }

  /** {@code ALREADY_EXISTS}: a live item in the same folder has that name. */
  public static StockageException itemNameTaken(String name) {
    return StockageException.of(ErrorKind.ALREADY_EXISTS, "an item named \"" + name + "\" already exists in this folder");
  }

  /** {@code ALREADY_EXISTS}: the organization has a project with that slug. */
  public static StockageException slugTaken(String slug) {
    return StockageException.of(ErrorKind.ALREADY_EXISTS, "a project with slug \"" + slug + "\" already exists");
  }

  /** {@code ALREADY_EXISTS}: the organization has a team with that id. */
  public static StockageException teamExists(String team) {
    return StockageException.of(ErrorKind.ALREADY_EXISTS, "a team \"" + team + "\" already exists");
  }

  /** {@code NOT_FOUND}: there is no such row. */
  public static StockageException notFound(String what) {
    return StockageException.notFound("no " + what);
  }

  /** {@code UNEXPECTED}: a row the caller's protocol guarantees is missing or inconsistent. */
  public static StockageException broken(String what) {
    return StockageException.of(ErrorKind.UNEXPECTED, what);
  }

  /**
   * {@code INVALID_ARGUMENT}: a custom field value the catalog cannot store. Names its type, never
   * the value.
   */
  public static StockageException invalidValue(String field, Object value) {
    return StockageException.of(ErrorKind.INVALID_ARGUMENT, "custom field " + field
        + ": a value is a string, a boolean or a finite number, not a " + value.getClass().getSimpleName());
  }

  /**
   * {@code UNEXPECTED}: JSON cannot be written or read. The message leaves out Jackson's, which
   * can quote stored values; the cause keeps it.
   */
  public static StockageException unreadable(String what, RuntimeException failure) {
    return StockageException.of(ErrorKind.UNEXPECTED, what + " (" + failure.getClass().getSimpleName() + ")", failure);
  }

  /** A failure of the schema migration: mapped as any other, with what was being done. */
  public static StockageException migrationFailed(RuntimeException failure) {
    StockageException mapped = map(failure);
    if (mapped.kind() != ErrorKind.UNEXPECTED) {
      return mapped;
    }
    return StockageException.of(ErrorKind.UNEXPECTED,
        "cannot migrate the Stockage schema: " + failure.getMessage(), failure);
  }

  /**
   * A view of {@code target} whose methods throw mapped {@link StockageException}s instead of
   * Jdbi's exceptions, so that work running inside a transaction sees only Stockage errors; each
   * call but those of the methods named in {@code waiting} (which add to them) first sends the
   * writes waiting in {@code writeBehind}.
   */
  static <T> T translating(Class<T> type, T target, WriteBehind writeBehind, Set<String> waiting) {
    Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
      try {
        if (!waiting.contains(method.getName())) {
          writeBehind.flush();
        }
        return method.invoke(target, args);
      } catch (JdbiException e) {
        throw map(e);
      } catch (InvocationTargetException e) {
        Throwable cause = e.getCause();
        throw cause instanceof JdbiException ? map(cause) : cause;
      }
    });
    return type.cast(proxy);
  }

  private static StockageException alreadyExists(SQLException sql, Throwable failure) {
    Optional<ServerErrorMessage> server = serverMessage(sql);
    String constraint = server.map(ServerErrorMessage::getConstraint).orElse("");
    Optional<String> values = server.map(ServerErrorMessage::getDetail).flatMap(JdbcErrors::keyValues);
    String message = switch (constraint) {
      case "items_live_name_uq" -> values.flatMap(JdbcErrors::itemName)
          .map(name -> itemNameTaken(name).detail())
          .orElse("an item with that name already exists in this folder");
      case "projects_org_slug_uq" -> values.map(v -> slugTaken(v.substring(v.lastIndexOf(", ") + 2)).detail())
          .orElse("a project with that slug already exists");
      case "teams_pkey" -> "that team already exists";
      case "items_pkey" -> "an item with that id already exists";
      case "revisions_pkey" -> "that revision of the file already exists";
      case "blobs_mount_key_uq" -> "a blob with that key already exists on the mount";
      case "tags_org_name_uq" -> "a tag with that name already exists";
      default -> "it already exists";
    };
    return StockageException.of(ErrorKind.ALREADY_EXISTS, message, failure);
  }

  private static Optional<String> keyValues(String detail) {
    Matcher m = KEY_DETAIL.matcher(detail);
    return m.matches() ? Optional.of(m.group(2)) : Optional.empty();
  }

  private static Optional<String> itemName(String values) {
    Matcher m = ITEM_KEY.matcher(values);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  private static Optional<ServerErrorMessage> serverMessage(SQLException sql) {
    return sql instanceof PSQLException psql ? Optional.ofNullable(psql.getServerErrorMessage()) : Optional.empty();
  }

  /** The first SQLException of the cause chain that has a SQLState, else the first one. */
  private static Optional<SQLException> sqlException(Throwable failure) {
    SQLException first = null;
    Throwable t = failure;
    for (int i = 0; t != null && i < MAX_CAUSES; i++, t = t.getCause()) {
      if (t instanceof SQLException sql) {
        if (sql.getSQLState() != null) {
          return Optional.of(sql);
        }
        first = first == null ? sql : first;
      }
    }
    return Optional.ofNullable(first);
  }

  private static boolean isConnectionFailure(Throwable failure) {
    Throwable t = failure;
    for (int i = 0; t != null && i < MAX_CAUSES; i++, t = t.getCause()) {
      // Hikari throws SQLTransientConnectionException when no connection came in time.
      if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
          || t instanceof ConnectException || t instanceof NoRouteToHostException
          || t instanceof SocketTimeoutException || t instanceof UnknownHostException) {
        return true;
      }
    }
    return false;
  }

  // The server's primary message, without its detail (which can quote row values).
  private static String summary(Optional<SQLException> sql, Throwable failure) {
    Optional<String> primary = sql.flatMap(JdbcErrors::serverMessage).map(ServerErrorMessage::getMessage);
    return primary.or(() -> sql.map(SQLException::getMessage))
        .orElseGet(() -> failure.getClass().getSimpleName() + ": " + failure.getMessage());
  }
}
