package dev.interviewtutor.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies a community from one database to another (an SQLite file to a PostgreSQL server, or back):
 * every table of the schema in foreign-key order, ids kept, in one write transaction on the target
 * (a failure leaves it as it was), read from one snapshot of the source. Both are migrated to this
 * program's schema first, so their columns match. A target that already holds data is refused
 * unless {@code replace} is given, which empties it first (in the same transaction). Afterwards
 * every table is verified by its row count and an order-independent checksum of its rows computed
 * on each side.
 */
public final class DatabaseCopy {
  /**
   * Every table of the schema, parents before children; Flyway's and the old runner's history are
   * not data.
   */
  public static final List<String> TABLES =
      List.of(
          "people",
          "scopes",
          "attempts",
          "board_points",
          "everywhere_points",
          "streaks",
          "reviews",
          "interview_sessions",
          "interview_items",
          "daily_settings",
          "daily_posts",
          "daily_answers",
          "llm_grade_cache",
          "follow_up_answers",
          "question_hints",
          "answer_rate_events",
          "llm_budget",
          "interview_follow_ups",
          "server_banks",
          "server_shipped_off",
          "daily_post_claims");

  /**
   * Tables not copied: the target's triggers keep them as the copied rows arrive (board sizes,
   * V11).
   */
  public static final List<String> KEPT_BY_TRIGGERS = List.of("board_sizes", "everywhere_sizes");

  /**
   * Tables whose {@code id} the database generates: the target's generator continues after the
   * copied ids.
   */
  static final List<String> TABLES_WITH_IDS =
      List.of("people", "scopes", "attempts", "interview_sessions", "daily_posts");

  private static final int ROWS_PER_STATEMENT = 64;

  private DatabaseCopy() {}

  /** One table after the copy: rows and checksum on each side. */
  public record TableCheck(
      String table,
      long sourceRows,
      long targetRows,
      String sourceChecksum,
      String targetChecksum) {
    public boolean matches() {
      return sourceRows == targetRows && sourceChecksum.equals(targetChecksum);
    }
  }

  /** The target already holds data and {@code replace} was not given. */
  public static final class TargetNotEmptyException extends RuntimeException {
    private final Map<String, Long> rows;

    TargetNotEmptyException(String target, Map<String, Long> rows) {
      super(
          "The target database "
              + target
              + " already holds data ("
              + rows
              + "). Nothing was copied. Copy"
              + " into an empty database, or give --force to replace its data with the source's.");
      this.rows = rows;
    }

    public Map<String, Long> rows() {
      return rows;
    }
  }

  /**
   * Copies every table from {@code source} into {@code target}; returns the verification of each
   * table.
   */
  public static List<TableCheck> copy(Database source, Database target, boolean replace) {
    Map<String, Long> present = target.read(DatabaseCopy::nonEmptyTables);
    if (!present.isEmpty() && !replace) {
      throw new TargetNotEmptyException(target.describe(), present);
    }
    target.writeVoid(
        tc -> {
          if (!present.isEmpty()) {
            for (int i = TABLES.size() - 1; i >= 0; i--) {
              Sql.update(tc, "DELETE FROM " + TABLES.get(i));
            }
          }
          source.read(
              sc -> {
                try (Snapshot ignored = Snapshot.begin(sc)) {
                  for (String table : TABLES) {
                    copyTable(sc, tc, table);
                  }
                }
                return null;
              });
          Dialect.of(tc).afterExplicitIds(tc, TABLES_WITH_IDS);
        });
    return verify(source, target);
  }

  /** Counts and checksums of every table on both sides. */
  public static List<TableCheck> verify(Database source, Database target) {
    Map<String, long[]> a = source.read(DatabaseCopy::checksums);
    Map<String, long[]> b = target.read(DatabaseCopy::checksums);
    List<TableCheck> out = new ArrayList<>();
    for (String table : TABLES) {
      out.add(
          new TableCheck(
              table, a.get(table)[0], b.get(table)[0], hex(a.get(table)[1]), hex(b.get(table)[1])));
    }
    return out;
  }

  private static Map<String, Long> nonEmptyTables(Connection c) throws SQLException {
    Map<String, Long> out = new LinkedHashMap<>();
    for (String table : TABLES) {
      long n = Sql.count(c, "SELECT COUNT(*) FROM " + table);
      if (n > 0) {
        out.put(table, n);
      }
    }
    return out;
  }

  private static void copyTable(Connection from, Connection to, String table) throws SQLException {
    try (PreparedStatement ps = from.prepareStatement("SELECT * FROM " + table)) {
      ps.setFetchSize(1000);
      try (ResultSet rs = ps.executeQuery()) {
        ResultSetMetaData meta = rs.getMetaData();
        int columns = meta.getColumnCount();
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          names.add(meta.getColumnName(i));
        }
        String head = "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ";
        List<Object[]> rows = new ArrayList<>(ROWS_PER_STATEMENT * 16);
        while (rs.next()) {
          Object[] row = new Object[columns];
          for (int i = 0; i < columns; i++) {
            row[i] = portable(rs.getObject(i + 1));
          }
          rows.add(row);
          if (rows.size() == ROWS_PER_STATEMENT * 16) {
            Sql.multiRowUpdate(to, head, "", columns, rows);
            rows.clear();
          }
        }
        Sql.multiRowUpdate(to, head, "", columns, rows);
      }
    }
  }

  /**
   * A value as both databases store it: NUL (which PostgreSQL text cannot hold; older SQLite
   * grade-cache keys use it as a separator) becomes U+001F, as {@link SqliteGradeCache} stores keys
   * now.
   */
  private static Object portable(Object value) {
    return value instanceof String s && s.indexOf('\u0000') >= 0
        ? SqliteGradeCache.storedKey(s)
        : value;
  }

  /**
   * Per table: row count and the sum (mod 2^64) of each row's hash, so row order does not matter.
   */
  private static Map<String, long[]> checksums(Connection c) throws SQLException {
    Map<String, long[]> out = new LinkedHashMap<>();
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (Snapshot ignored = Snapshot.begin(c)) {
      for (String table : TABLES) {
        long count = 0;
        long sum = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table)) {
          ps.setFetchSize(1000);
          try (ResultSet rs = ps.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= columns; i++) {
              names.add(rs.getMetaData().getColumnName(i).toLowerCase(java.util.Locale.ROOT));
            }
            while (rs.next()) {
              StringBuilder row = new StringBuilder();
              for (int i = 0; i < columns; i++) {
                row.append(names.get(i))
                    .append('=')
                    .append(canonical(portable(rs.getObject(i + 1))))
                    .append('\u001e');
              }
              sum +=
                  ByteBuffer.wrap(sha.digest(row.toString().getBytes(StandardCharsets.UTF_8)))
                      .getLong();
              count++;
            }
          }
        }
        out.put(table, new long[] {count, sum});
      }
    }
    return out;
  }

  /**
   * The same text for the same value on both backends (SQLite gives Integer or Long, PostgreSQL
   * Long).
   */
  private static String canonical(Object value) {
    if (value == null) {
      return "\\N";
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return "i" + ((Number) value).longValue();
    }
    if (value instanceof Float || value instanceof Double) {
      return "d" + ((Number) value).doubleValue();
    }
    if (value instanceof java.math.BigDecimal d) {
      return d.scale() <= 0 ? "i" + d.longValueExact() : "d" + d.doubleValue();
    }
    return "s" + value;
  }

  private static String hex(long value) {
    return HexFormat.of().toHexDigits(value);
  }

  /**
   * Reads every table from one snapshot of the source (a transaction; repeatable read on
   * PostgreSQL).
   */
  private static final class Snapshot implements AutoCloseable {
    private final Connection c;

    private Snapshot(Connection c) {
      this.c = c;
    }

    static Snapshot begin(Connection c) throws SQLException {
      if (Dialect.of(c) instanceof PostgresDialect) {
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      } else {
        c.setAutoCommit(false);
      }
      return new Snapshot(c);
    }

    @Override
    public void close() throws SQLException {
      c.rollback();
      c.setAutoCommit(true);
      if (Dialect.of(c) instanceof PostgresDialect) {
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      }
    }
  }
}
