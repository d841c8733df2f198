package dev.interviewtutor.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small JDBC helpers used by the repositories: bind positional arguments, map rows. */
public final class Sql {
  /** Prepared statements per connection of a {@link Database}; other connections prepare and close each time. */
  private static final Map<Connection, Map<String, PreparedStatement>> CACHES = new IdentityHashMap<>();

  private Sql() {}

  /** Work on a prepared statement. */
  @FunctionalInterface
  interface StatementWork<T> {
    T run(PreparedStatement ps) throws SQLException;
  }

  static void enableCache(Connection c) {
    synchronized (CACHES) {
      CACHES.put(c, new HashMap<>());
    }
  }

  static void dropCache(Connection c) {
    Map<String, PreparedStatement> cache;
    synchronized (CACHES) {
      cache = CACHES.remove(c);
    }
    if (cache != null) {
      for (PreparedStatement ps : cache.values()) {
        try {
          ps.close();
        } catch (SQLException ignored) {
          // closing anyway
        }
      }
    }
  }

  /** Runs work on a statement for {@code sql}: cached per connection when the connection is a Database's. */
  static <T> T with(Connection c, String sql, StatementWork<T> work) throws SQLException {
    Map<String, PreparedStatement> cache;
    synchronized (CACHES) {
      cache = CACHES.get(c);
    }
    if (cache == null) {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        return work.run(ps);
      }
    }
    // A connection is used by one thread at a time (the writer under its lock, readers borrowed from the pool).
    PreparedStatement ps = cache.get(sql);
    if (ps == null) {
      ps = c.prepareStatement(sql);
      cache.put(sql, ps);
    } else {
      ps.clearParameters();
      ps.clearBatch();
    }
    return work.run(ps);
  }

  /** Runs one statement once per argument list, as a JDBC batch. */
  public static void batch(Connection c, String sql, List<Object[]> argLists) throws SQLException {
    with(c, sql, ps -> {
      for (Object[] args : argLists) {
        bind(ps, args);
        ps.addBatch();
      }
      ps.executeBatch();
      return null;
    });
  }

  /** Maps the current row of a result set. */
  @FunctionalInterface
  public interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  public static int update(Connection c, String sql, Object... args) throws SQLException {
    return with(c, sql, ps -> {
      bind(ps, args);
      return ps.executeUpdate();
    });
  }

  /** Runs an INSERT and returns the new row id. */
  public static long insert(Connection c, String sql, Object... args) throws SQLException {
    update(c, sql, args);
    return lastId(c);
  }

  public static long lastId(Connection c) throws SQLException {
    return one(c, "SELECT last_insert_rowid()", rs -> rs.getLong(1)).orElseThrow();
  }

  public static <T> List<T> list(Connection c, String sql, RowMapper<T> mapper, Object... args)
      throws SQLException {
    return with(c, sql, ps -> {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        List<T> out = new ArrayList<>();
        while (rs.next()) {
          out.add(mapper.map(rs));
        }
        return out;
      }
    });
  }

  public static <T> Optional<T> one(Connection c, String sql, RowMapper<T> mapper, Object... args)
      throws SQLException {
    return with(c, sql, ps -> {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.ofNullable(mapper.map(rs)) : Optional.empty();
      }
    });
  }

  public static long count(Connection c, String sql, Object... args) throws SQLException {
    return one(c, sql, rs -> rs.getLong(1), args).orElse(0L);
  }

  static void bind(PreparedStatement ps, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      Object a = args[i];
      if (a == null) {
        ps.setNull(i + 1, Types.NULL);
      } else if (a instanceof Boolean b) {
        ps.setInt(i + 1, b ? 1 : 0);
      } else if (a instanceof Enum<?> e) {
        ps.setString(i + 1, e.name().toLowerCase(java.util.Locale.ROOT));
      } else {
        ps.setObject(i + 1, a);
      }
    }
  }

  /** A nullable long column. */
  public static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }
}
