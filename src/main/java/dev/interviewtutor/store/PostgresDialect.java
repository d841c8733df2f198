package dev.interviewtutor.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** PostgreSQL's statements: {@code RETURNING id}, ids drawn from each table's identity sequence. */
public final class PostgresDialect implements Dialect {
  static final PostgresDialect INSTANCE = new PostgresDialect();

  private PostgresDialect() {}

  @Override
  public String name() {
    return "postgresql";
  }

  @Override
  public long insertReturningId(Connection c, String insert, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(insert + " RETURNING id")) {
      Sql.bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * Drawn from the sequence, so concurrent transactions (and other processes) never get the same
   * id.
   */
  @Override
  public long[] reserveIds(Connection c, String table, int n) throws SQLException {
    List<Long> ids =
        Sql.list(
            c,
            "SELECT nextval(pg_get_serial_sequence(?, 'id')) FROM generate_series(1, ?)",
            rs -> rs.getLong(1),
            table,
            n);
    return ids.stream().mapToLong(Long::longValue).sorted().toArray();
  }

  /** PostgreSQL's planner picks the join order itself. */
  @Override
  public String orderedJoin() {
    return "JOIN";
  }

  @Override
  public void afterExplicitIds(Connection c, List<String> tablesWithIds) throws SQLException {
    for (String table : tablesWithIds) {
      Sql.one(
          c,
          "SELECT setval(pg_get_serial_sequence(?, 'id'), COALESCE((SELECT MAX(id) FROM "
              + table
              + "), 0) + 1, false)",
          rs -> rs.getLong(1),
          table);
    }
  }
}
