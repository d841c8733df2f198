package dev.interviewtutor.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The statements that differ between SQLite and PostgreSQL, one implementation per dialect ({@link
 * SqliteDialect}, {@link PostgresDialect}); every other statement in the repositories is shared
 * SQL.
 */
public sealed interface Dialect permits SqliteDialect, PostgresDialect {
  /** "sqlite" or "postgresql": the name of the dialect's migration folder. */
  String name();

  /** Flyway locations: the dialect's own scripts, then the scripts shared by both dialects. */
  default List<String> migrationLocations() {
    return List.of("classpath:db/migration/" + name(), "classpath:db/migration/common");
  }

  /** Runs an INSERT of one row into a table with an {@code id} key and returns the new id. */
  long insertReturningId(Connection c, String insert, Object... args) throws SQLException;

  /**
   * Reserves {@code n} new ids of {@code table} for rows inserted with explicit ids, in increasing
   * order. Call inside a write transaction.
   */
  long[] reserveIds(Connection c, String table, int n) throws SQLException;

  /** A join that keeps its left side as the outer loop where the dialect lets the query say so. */
  String orderedJoin();

  /**
   * After rows were copied in with explicit ids: makes the next generated id of each table follow
   * them.
   */
  void afterExplicitIds(Connection c, List<String> tablesWithIds) throws SQLException;

  /** The dialect of a connection (of either dialect's driver, pooled or not). */
  static Dialect of(Connection c) throws SQLException {
    if (c instanceof org.sqlite.SQLiteConnection) {
      return SqliteDialect.INSTANCE;
    }
    if (c.isWrapperFor(org.postgresql.PGConnection.class)) {
      return PostgresDialect.INSTANCE;
    }
    throw new SQLException("unsupported database connection " + c.getClass().getName());
  }
}
