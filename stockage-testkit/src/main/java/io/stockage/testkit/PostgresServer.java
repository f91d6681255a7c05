package io.stockage.testkit;

import java.sql.Connection;
import java.sql.SQLException;

/** A PostgreSQL server on which the fixture creates and drops databases. */
interface PostgresServer {

  /** The JDBC URL of a database of this server. */
  String jdbcUrl(String database);

  /** The user the fixture connects as; it may create and drop databases. */
  String user();

  /** That user's password. */
  String password();

  /** A new connection to the server's maintenance database, for {@code CREATE}/{@code DROP DATABASE}. */
  Connection admin() throws SQLException;
}
