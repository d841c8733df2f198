package dev.interviewtutor.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * SQLite's statements: {@code last_insert_rowid()}, ids from the table's maximum (writes are
 * serialised).
 */
public final class SqliteDialect implements Dialect {
  static final SqliteDialect INSTANCE = new SqliteDialect();

  private SqliteDialect() {}

  @Override
  public String name() {
    return "sqlite";
  }

  @Override
  public long insertReturningId(Connection c, String insert, Object... args) throws SQLException {
    Sql.update(c, insert, args);
    return Sql.one(c, "SELECT last_insert_rowid()", rs -> rs.getLong(1)).orElseThrow();
  }

  /** Only this transaction can change the maximum while it holds SQLite's write lock. */
  @Override
  public long[] reserveIds(Connection c, String table, int n) throws SQLException {
    long next = Sql.count(c, "SELECT COALESCE(MAX(id), 0) FROM " + table) + 1;
    long[] ids = new long[n];
    for (int i = 0; i < n; i++) {
      ids[i] = next + i;
    }
    return ids;
  }

  /**
   * SQLite keeps the left table of a CROSS JOIN as the outer loop: one primary-key probe per key.
   */
  @Override
  public String orderedJoin() {
    return "CROSS JOIN";
  }

  /**
   * Rowid tables continue from their maximum; AUTOINCREMENT keeps its own counter in
   * sqlite_sequence.
   */
  @Override
  public void afterExplicitIds(Connection c, List<String> tablesWithIds) {
    // Nothing to do: SQLite derives the next id from the rows (and updates sqlite_sequence on
    // explicit ids).
  }
}
