package io.stockage.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.pool.HikariPool;
import io.stockage.ErrorKind;
import io.stockage.StockageException;
import io.stockage.spi.catalog.BlobRecords;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

class JdbcErrorsTest {

  @Test
  void map_uniqueViolationOfLiveNames_namesTheItem() {
    PSQLException sql = server("23505", "items_live_name_uq",
        "Key (project_id, COALESCE(parent_id, project_id), name)=(0b7c9a4e-6f8d-4a51-9b1e-2f3c4d5e6f70,"
            + " 0b7c9a4e-6f8d-4a51-9b1e-2f3c4d5e6f70, a, b.pdf) already exists.");

    StockageException e = JdbcErrors.map(statementFailure(sql));

    assertThat(e.kind()).isEqualTo(ErrorKind.ALREADY_EXISTS);
    assertThat(e.detail()).isEqualTo("an item named \"a, b.pdf\" already exists in this folder");
    assertThat(e.getCause()).isInstanceOf(UnableToExecuteStatementException.class);
  }

  @Test
  void map_uniqueViolationOfSlug_namesTheSlug() {
    PSQLException sql = server("23505", "projects_org_slug_uq", "Key (org_id, slug)=(acme, x, tower) already exists.");

    assertThat(JdbcErrors.map(sql).detail()).isEqualTo("a project with slug \"tower\" already exists");
  }

  @Test
  void map_uniqueViolationWithoutDetail_isGenericAlreadyExists() {
    StockageException e = JdbcErrors.map(new SQLException("duplicate", "23505"));

    assertThat(e.kind()).isEqualTo(ErrorKind.ALREADY_EXISTS);
    assertThat(e.detail()).isEqualTo("it already exists");
  }

  @Test
  void map_serializationFailureOrDeadlock_isConflict() {
    assertThat(JdbcErrors.map(new SQLException("x", "40001")).kind()).isEqualTo(ErrorKind.CONFLICT);
    assertThat(JdbcErrors.map(statementFailure(server("40P01", "", ""))).kind()).isEqualTo(ErrorKind.CONFLICT);
  }

  @Test
  void map_connectionFailures_areUnavailable() {
    List<Throwable> failures = List.of(
        new SQLException("refused", "08001"),
        new SQLException("lost", "08006"),
        new SQLException("shutting down", "57P01"),
        new ConnectionException(new SQLTransientConnectionException("pool timed out")),
        new HikariPool.PoolInitializationException(new PSQLException("refused", null, new ConnectException())),
        new RuntimeException(new ConnectException("Connection refused")));

    assertThat(failures).allSatisfy(f -> assertThat(JdbcErrors.map(f).kind()).isEqualTo(ErrorKind.UNAVAILABLE));
  }

  @Test
  void map_badPasswordOrMissingDatabase_isConfigInvalid() {
    assertThat(JdbcErrors.map(new SQLException("password authentication failed", "28P01")).kind())
        .isEqualTo(ErrorKind.CONFIG_INVALID);
    assertThat(JdbcErrors.map(new SQLException("database \"x\" does not exist", "3D000")).kind())
        .isEqualTo(ErrorKind.CONFIG_INVALID);
  }

  @Test
  void map_characterTheDatabaseCannotStore_isInvalidArgument() {
    assertThat(JdbcErrors.map(new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021")).kind())
        .isEqualTo(ErrorKind.INVALID_ARGUMENT);
    assertThat(JdbcErrors.map(statementFailure(server("22P05", "", ""))).kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
  }

  @Test
  void map_otherFailures_areUnexpectedWithTheState() {
    StockageException e = JdbcErrors.map(statementFailure(server("23503", "revisions_blob_id_fkey", "Key (x)")));

    assertThat(e.kind()).isEqualTo(ErrorKind.UNEXPECTED);
    assertThat(e.detail()).contains("23503").doesNotContain("Key (x)");
    assertThat(JdbcErrors.map(new IllegalStateException("odd")).kind()).isEqualTo(ErrorKind.UNEXPECTED);
  }

  @Test
  void map_stockageException_isReturnedUnchanged() {
    StockageException original = StockageException.notFound("gone");

    assertThat(JdbcErrors.map(original)).isSameAs(original);
  }

  @Test
  void translating_jdbiFailure_becomesStockageException() {
    BlobRecords failing = new FailingBlobs(statementFailure(new SQLException("refused", "08001")));
    BlobRecords translated = JdbcErrors.translating(BlobRecords.class, failing, WriteBehind.immediate(),
        java.util.Set.of());

    try {
      translated.reference(1);
    } catch (StockageException e) {
      assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
      return;
    }
    throw new AssertionError("no exception");
  }

  @Test
  void translating_aWaitingWriteThatFails_failsTheNextCallMapped_beforeTheCallRuns() {
    WriteBehind behind = WriteBehind.inTransaction();
    behind.write(then -> {
      throw statementFailure(new SQLException("refused", "08001"));
    });
    java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
    BlobRecords counting = (BlobRecords) java.lang.reflect.Proxy.newProxyInstance(BlobRecords.class.getClassLoader(),
        new Class<?>[] {BlobRecords.class}, (self, method, args) -> {
          calls.incrementAndGet();
          return null;
        });
    BlobRecords translated = JdbcErrors.translating(BlobRecords.class, counting, behind, java.util.Set.of());

    assertThatThrownBy(() -> translated.reference(1)).isInstanceOfSatisfying(StockageException.class,
        e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE));
    assertThat(calls).hasValue(0);
  }

  private static PSQLException server(String state, String constraint, String detail) {
    return new PSQLException(new ServerErrorMessage(
        "SERROR\0C" + state + "\0Mserver message\0D" + detail + "\0n" + constraint + "\0"));
  }

  private static UnableToExecuteStatementException statementFailure(SQLException cause) {
    return new UnableToExecuteStatementException(cause, null);
  }

  private record FailingBlobs(RuntimeException failure) implements BlobRecords {
    @Override
    public Optional<io.stockage.spi.catalog.BlobRecord> insertIfAbsent(String m, String k, String s, long n, Instant at) {
      throw failure;
    }

    @Override
    public Optional<io.stockage.spi.catalog.BlobRecord> lock(String mount, String key) {
      throw failure;
    }

    @Override
    public void reference(long blobId) {
      throw failure;
    }

    @Override
    public Referenced referenceOrInsert(long intent, String m, String k, String s, long n, Instant at) {
      throw failure;
    }

    @Override
    public void release(long blobId, Instant at) {
      throw failure;
    }

    @Override
    public List<io.stockage.spi.catalog.BlobRecord> lockUnreferenced(String mount, Instant cutoff, int limit) {
      throw failure;
    }

    @Override
    public void delete(long blobId) {
      throw failure;
    }

    @Override
    public io.stockage.spi.catalog.BlobIntent intend(String mount, String key, Instant at) {
      throw failure;
    }

    @Override
    public void fulfil(long intent) {
      throw failure;
    }

    @Override
    public List<io.stockage.spi.catalog.BlobIntent> lockIntents(String mount, Instant cutoff, int limit) {
      throw failure;
    }
  }
}
