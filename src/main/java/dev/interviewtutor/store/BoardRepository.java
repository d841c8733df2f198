package dev.interviewtutor.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Leaderboard totals per scope, period ({@code all}, {@code w:2026-W48}, {@code m:2026-11}) and
 * topic ({@code ""} = all topics), kept up to date in the transaction that records each attempt, so
 * a board is an index range scan rather than an aggregation over every attempt.
 */
public final class BoardRepository {
  public static final String ALL_TOPICS = "";
  private static final String UPSERT =
      "INSERT INTO board_points (scope_id, period, topic, person_id, points,"
          + " answers) VALUES (?, ?, ?, ?, ?, 1) ON CONFLICT (scope_id, period, topic, person_id) DO UPDATE SET"
          + " points = board_points.points + excluded.points, answers = board_points.answers + 1";

  private BoardRepository() {}

  /**
   * Adds one answer worth {@code points} to every period given, for all topics and for its topic.
   */
  public static void add(
      Connection c, long scopeId, long personId, List<String> periods, String topic, int points)
      throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    for (String period : periods) {
      for (String t : topic.isEmpty() ? List.of(ALL_TOPICS) : List.of(ALL_TOPICS, topic)) {
        rows.add(new Object[] {scopeId, period, t, personId, points});
      }
    }
    Sql.batch(c, UPSERT, rows);
  }

  private static final Comparator<Delta> KEY_ORDER =
      Comparator.comparingLong(Delta::scopeId)
          .thenComparing(Delta::period)
          .thenComparing(Delta::topic)
          .thenComparingLong(Delta::personId);

  /** A change to one board row: {@code points} and {@code answers} to add. */
  public record Delta(
      long scopeId, String period, String topic, long personId, int points, int answers) {}

  /** Applies summed deltas (one per row key, as {@link #add} would have one answer at a time). */
  public static void addAll(Connection c, List<Delta> deltas) throws SQLException {
    // In key order: each statement then walks the B-tree forwards (the pages just written stay hot)
    // instead of
    // jumping between boards; one row per key, so the order changes no sum
    // (docs/store-benchmark.md: ~5% faster).
    List<Delta> sorted = new ArrayList<>(deltas);
    sorted.sort(KEY_ORDER);
    List<Object[]> rows = new ArrayList<>(deltas.size());
    for (Delta d : sorted) {
      rows.add(
          new Object[] {d.scopeId(), d.period(), d.topic(), d.personId(), d.points(), d.answers()});
    }
    Sql.multiRowUpdate(
        c,
        "INSERT INTO board_points (scope_id, period, topic, person_id, points, answers)"
            + " VALUES ",
        " ON CONFLICT (scope_id, period, topic, person_id) DO UPDATE SET"
            + " points = board_points.points + excluded.points, answers = board_points.answers + excluded.answers",
        6,
        rows);
  }

  /** A change to a person's line on the everywhere board ({@code everywhere_points}). */
  public record EverywhereDelta(String period, long personId, int points, int answers) {}

  /**
   * Applies summed deltas to the board across every Discord server and DM (one per period and
   * person).
   */
  public static void addEverywhere(Connection c, List<EverywhereDelta> deltas) throws SQLException {
    List<EverywhereDelta> sorted = new ArrayList<>(deltas);
    sorted.sort(
        Comparator.comparing(EverywhereDelta::period).thenComparingLong(EverywhereDelta::personId));
    List<Object[]> rows = new ArrayList<>(sorted.size());
    for (EverywhereDelta d : sorted) {
      rows.add(new Object[] {d.period(), d.personId(), d.points(), d.answers()});
    }
    Sql.multiRowUpdate(
        c,
        "INSERT INTO everywhere_points (period, person_id, points, answers) VALUES ",
        " ON CONFLICT (person_id, period) DO UPDATE SET"
            + " points = everywhere_points.points + excluded.points,"
            + " answers = everywhere_points.answers + excluded.answers",
        4,
        rows);
  }

  /**
   * A line of a board with its competition rank (1 + the number of people with strictly more
   * points).
   */
  public record Ranked(int rank, BoardRow row) {}

  /**
   * What a leaderboard shows: one page, best first, the asker's own line, and how many people are
   * on it.
   */
  public record View(List<Ranked> page, Optional<Ranked> own, int size) {}

  private static final String VIEW =
      view("board_points", "board_sizes", "scope_id = ? AND period = ? AND topic = ?");
  private static final String VIEW_EVERYWHERE =
      view("everywhere_points", "everywhere_sizes", "period = ?");

  /**
   * The one-statement read of a board in {@code table} whose rows {@code board} (a conjunction of
   * {@code column = ?}) selects: the page; each line's count of entries above it (counted in the
   * index only for lines tied with the page's first, the others from the offset and the page
   * itself: everything before the page scores at least as much as its first line); the asker's line
   * with its count; and the board's size, one row of {@code sizes}, kept by triggers (V11).
   */
  private static String view(String table, String sizes, String board) {
    String above =
        "(SELECT COUNT(*) FROM "
            + table
            + " o WHERE o."
            + board.replace(" AND ", " AND o.")
            + " AND o.points > x.points)";
    return "WITH page AS (SELECT person_id, points, answers FROM "
        + table
        + " WHERE "
        + board
        + " ORDER BY points DESC, person_id LIMIT ? OFFSET ?),"
        + " mine AS (SELECT person_id, points, answers FROM "
        + table
        + " WHERE "
        + board
        + " AND person_id = ?)"
        + " SELECT 0 AS part, x.person_id, p.key, p.display_name, x.points, x.answers,"
        + " CASE WHEN x.points < (SELECT MAX(points) FROM page)"
        + " THEN ? + (SELECT COUNT(*) FROM page y WHERE y.points > x.points) ELSE "
        + above
        + " END AS above FROM page x JOIN people p ON p.id = x.person_id"
        + " UNION ALL SELECT 1, x.person_id, p.key, p.display_name, x.points, x.answers, "
        + above
        + " FROM mine x JOIN people p ON p.id = x.person_id"
        + " UNION ALL SELECT 2, NULL, NULL, NULL, NULL, NULL, (SELECT COALESCE(MAX(people), 0) FROM "
        + sizes
        + " WHERE "
        + board
        + ")"
        + " ORDER BY 1, 5 DESC, 2";
  }

  /**
   * One page (best first, ties by person id), the asker's line ({@code askerId} 0 for none) and the
   * board's size, in one statement (one round trip to a server): each line is read through the
   * ranked index in order and its rank counted from the entries above it in that index, so nothing
   * is aggregated over attempts or sorted.
   */
  public static View view(
      Connection c, long scopeId, String period, String topic, int offset, int limit, long askerId)
      throws SQLException {
    return read(c, VIEW, viewArgs(new Object[] {scopeId, period, topic}, offset, limit, askerId));
  }

  /**
   * As {@link #view}, for the board across every Discord server and DM of the bot ({@code
   * everywhere_points}).
   */
  public static View viewEverywhere(
      Connection c, String period, int offset, int limit, long askerId) throws SQLException {
    return read(c, VIEW_EVERYWHERE, viewArgs(new Object[] {period}, offset, limit, askerId));
  }

  /**
   * The parameters of a {@link #view} statement, in order, for a board selected by {@code board}.
   */
  private static Object[] viewArgs(Object[] board, int offset, int limit, long askerId) {
    List<Object> args = new ArrayList<>();
    args.addAll(List.of(board));
    args.add(limit);
    args.add(offset);
    args.addAll(List.of(board));
    args.add(askerId);
    args.add(offset);
    args.addAll(List.of(board)); // the page's lines tied with its first
    args.addAll(List.of(board)); // the asker's line
    args.addAll(List.of(board)); // the size
    return args.toArray();
  }

  /**
   * The plan of {@link #view} as the database reports it (for {@code bench-store --explain}): on
   * PostgreSQL {@code EXPLAIN (ANALYZE, BUFFERS)}, which runs the statement; on SQLite {@code
   * EXPLAIN QUERY PLAN}.
   */
  public static List<String> plan(
      Connection c, long scopeId, String period, String topic, int offset, int limit, long askerId)
      throws SQLException {
    boolean pg =
        c.getMetaData()
            .getDatabaseProductName()
            .toLowerCase(java.util.Locale.ROOT)
            .contains("postgres");
    Object[] args = viewArgs(new Object[] {scopeId, period, topic}, offset, limit, askerId);
    return Sql.list(
        c,
        (pg ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN QUERY PLAN ") + VIEW,
        rs -> pg ? rs.getString(1) : rs.getInt(2) + " " + rs.getString(4),
        args);
  }

  private static View read(Connection c, String sql, Object... args) throws SQLException {
    List<Object[]> parts =
        Sql.list(
            c,
            sql,
            rs ->
                new Object[] {
                  rs.getInt(1),
                  rs.getInt(1) == 2
                      ? null
                      : new Ranked(
                          1 + rs.getInt(7),
                          new BoardRow(
                              rs.getLong(2),
                              rs.getString(3),
                              rs.getString(4),
                              rs.getInt(5),
                              rs.getInt(6))),
                  rs.getInt(7)
                },
            args);
    List<Ranked> page = new ArrayList<>();
    Optional<Ranked> own = Optional.empty();
    int size = 0;
    for (Object[] part : parts) {
      switch ((Integer) part[0]) {
        case 0 -> page.add((Ranked) part[1]);
        case 1 -> own = Optional.of((Ranked) part[1]);
        default -> size = (Integer) part[2];
      }
    }
    return new View(page, own, size);
  }

  /** A page of the board, best first; ties ordered by person id for stable paging. */
  public static List<BoardRow> page(
      Connection c, long scopeId, String period, String topic, int offset, int limit)
      throws SQLException {
    return Sql.list(
        c,
        "SELECT b.person_id, p.key, p.display_name, b.points, b.answers FROM board_points b"
            + " JOIN people p ON p.id = b.person_id WHERE b.scope_id = ? AND b.period = ? AND b.topic = ?"
            + " ORDER BY b.points DESC, b.person_id LIMIT ? OFFSET ?",
        rs ->
            new BoardRow(
                rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5)),
        scopeId,
        period,
        topic,
        limit,
        offset);
  }

  public static Optional<BoardRow> of(
      Connection c, long scopeId, String period, String topic, long personId) throws SQLException {
    return Sql.one(
        c,
        "SELECT b.person_id, p.key, p.display_name, b.points, b.answers FROM board_points b"
            + " JOIN people p ON p.id = b.person_id WHERE b.scope_id = ? AND b.period = ? AND b.topic = ?"
            + " AND b.person_id = ?",
        rs ->
            new BoardRow(
                rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5)),
        scopeId,
        period,
        topic,
        personId);
  }

  /** How many people have strictly more points (competition rank = this + 1). */
  public static int countAbove(Connection c, long scopeId, String period, String topic, int points)
      throws SQLException {
    return (int)
        Sql.count(
            c,
            "SELECT COUNT(*) FROM board_points WHERE scope_id = ? AND period = ? AND topic = ?"
                + " AND points > ?",
            scopeId,
            period,
            topic,
            points);
  }

  public static int size(Connection c, long scopeId, String period, String topic)
      throws SQLException {
    return (int)
        Sql.count(
            c,
            "SELECT COUNT(*) FROM board_points WHERE scope_id = ? AND period = ? AND topic = ?",
            scopeId,
            period,
            topic);
  }
}
