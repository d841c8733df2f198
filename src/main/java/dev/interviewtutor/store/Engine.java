package dev.interviewtutor.store;

import java.sql.SQLException;
import javax.sql.DataSource;

/** How a {@link Database} gets connections and runs transactions on one backend. */
sealed interface Engine permits SqliteEngine, PostgresEngine {
  Dialect dialect();

  /** Connections for Flyway (each opened for the migration and closed after). */
  DataSource migrationSource();

  /** Read-only work on a connection in autocommit mode. */
  <T> T read(SqlWork<T> work) throws SQLException;

  /** Work in one write transaction, serialised with every other write to the same database. */
  <T> T write(SqlWork<T> work) throws SQLException;

  /** Maps a driver error to a clear message naming the database when the operator can act on it. */
  RuntimeException translate(SQLException e, String doing);

  /** The connections now, for the operator's metrics. */
  dev.interviewtutor.ops.PoolUsage poolUsage();

  /** A sound-database check: "ok" when sound. */
  String integrityCheck() throws SQLException;

  void close();
}
