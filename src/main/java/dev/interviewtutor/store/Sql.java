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

/**
 * Small JDBC helpers used by the repositories: bind positional arguments, map rows. Prepared
 * statements are cached per SQLite connection (JNI preparation is the cost there); PostgreSQL's
 * driver caches server-side statements per connection by itself, and its pooled connections are
 * prepared and closed each time.
 */
public final class Sql {
  /**
   * Prepared statements per connection of a {@link Database}; other connections prepare and close
   * each time.
   */
  private static final Map<Connection, Map<String, PreparedStatement>> CACHES =
      new IdentityHashMap<>();

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

  /**
   * Runs work on a statement for {@code sql}: cached per connection when the connection is a
   * Database's.
   */
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
    // A connection is used by one thread at a time (the writer under its lock, readers borrowed
    // from the pool).
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
    with(
        c,
        sql,
        ps -> {
          for (Object[] args : argLists) {
            bind(ps, args);
            ps.addBatch();
          }
          ps.executeBatch();
          return null;
        });
  }

  /**
   * Rows per multi-row statement; a shorter tail is split into powers of two so few statement
   * shapes exist.
   */
  static final int MULTI_ROW_CHUNK = 64;

  /**
   * Runs {@code head + "(?, …), (?, …)" + tail} over all {@code rows} (each of {@code columns}
   * values) in as few statements as possible: chunks of {@value #MULTI_ROW_CHUNK} rows, the rest in
   * power-of-two chunks (so at most eight statement shapes are prepared and cached per statement).
   * One JNI round trip per chunk instead of per row.
   */
  static void multiRowUpdate(
      Connection c, String head, String tail, int columns, List<Object[]> rows)
      throws SQLException {
    forChunks(
        rows,
        (from, n) ->
            with(
                c,
                head + tuples(n, columns) + tail,
                ps -> {
                  bindRows(ps, rows, from, n, columns);
                  ps.executeUpdate();
                  return null;
                }));
  }

  /**
   * Runs a query built from {@code head + tuples + tail} (the tuples as a VALUES list, an IN list
   * of single values when {@code columns} is 1) per chunk of {@code keys} and collects every row
   * mapped.
   */
  static <T> List<T> multiRowQuery(
      Connection c, String head, String tail, int columns, List<Object[]> keys, RowMapper<T> mapper)
      throws SQLException {
    List<T> out = new ArrayList<>();
    forChunks(
        keys,
        (from, n) ->
            with(
                c,
                head + (columns == 1 ? marks(n) : tuples(n, columns)) + tail,
                ps -> {
                  bindRows(ps, keys, from, n, columns);
                  try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                      out.add(mapper.map(rs));
                    }
                  }
                  return null;
                }));
    return out;
  }

  @FunctionalInterface
  private interface Chunk {
    void run(int from, int n) throws SQLException;
  }

  private static void forChunks(List<?> rows, Chunk chunk) throws SQLException {
    int from = 0;
    int size = rows.size();
    while (from < size) {
      int left = size - from;
      int n = left >= MULTI_ROW_CHUNK ? MULTI_ROW_CHUNK : Integer.highestOneBit(left);
      chunk.run(from, n);
      from += n;
    }
  }

  private static void bindRows(
      PreparedStatement ps, List<Object[]> rows, int from, int n, int columns) throws SQLException {
    Object[] all = new Object[n * columns];
    for (int i = 0; i < n; i++) {
      Object[] row = rows.get(from + i);
      if (row.length != columns) {
        throw new IllegalArgumentException("row of " + row.length + " values, expected " + columns);
      }
      System.arraycopy(row, 0, all, i * columns, columns);
    }
    bind(ps, all);
  }

  private static final Map<Long, String> TUPLES = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * {@code (?, ?), (?, ?)} for n rows of k columns (cached: the statement cache is keyed by the SQL
   * text).
   */
  private static String tuples(int n, int k) {
    return TUPLES.computeIfAbsent(
        ((long) n << 32) | k,
        key -> {
          String one = "(" + "?, ".repeat(k - 1) + "?)";
          return String.join(", ", java.util.Collections.nCopies(n, one));
        });
  }

  /** {@code ?, ?, ?} for an IN list of n values (cached under column count 0). */
  private static String marks(int n) {
    return TUPLES.computeIfAbsent(
        (long) n << 32, key -> String.join(", ", java.util.Collections.nCopies(n, "?")));
  }

  /** Maps the current row of a result set. */
  @FunctionalInterface
  public interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  public static int update(Connection c, String sql, Object... args) throws SQLException {
    return with(
        c,
        sql,
        ps -> {
          bind(ps, args);
          return ps.executeUpdate();
        });
  }

  /**
   * Runs an INSERT of one row into a table keyed by {@code id} and returns the new id (either
   * dialect).
   */
  public static long insert(Connection c, String sql, Object... args) throws SQLException {
    return Dialect.of(c).insertReturningId(c, sql, args);
  }

  public static <T> List<T> list(Connection c, String sql, RowMapper<T> mapper, Object... args)
      throws SQLException {
    return with(
        c,
        sql,
        ps -> {
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
    return with(
        c,
        sql,
        ps -> {
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
