package dev.interviewtutor.store;

import dev.interviewtutor.grading.Verdict;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Graded answers. */
public final class AttemptRepository {
  private static final String INSERT =
      "INSERT INTO attempts (person_id, scope_id, question_id, topic, kind,"
          + " answer, score, verdict, key_points, grader, hints, answered_at, local_day, counted, points)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private AttemptRepository() {}

  /** Inserts an attempt (its id is ignored) and returns the new id. */
  public static long insert(Connection c, AttemptRow a) throws SQLException {
    return Sql.insert(c, INSERT, columns(a));
  }

  /** The stored columns of an attempt, in the order of {@code INSERT} (without the id). */
  private static Object[] columns(AttemptRow a) {
    return new Object[] {
      a.personId(),
      a.scopeId(),
      a.questionId(),
      a.topic(),
      a.kind().dbName(),
      a.answer(),
      a.score(),
      a.verdict().name(),
      a.keyPointsJson(),
      a.grader(),
      a.hints(),
      a.answeredAt(),
      a.localDay(),
      a.counted(),
      a.points()
    };
  }

  /**
   * Inserts attempts (their ids are ignored) with multi-row INSERTs and returns their new ids, in
   * order. Must run inside a write transaction: ids are reserved first ({@link Dialect#reserveIds})
   * and inserted explicitly.
   */
  public static long[] insertAll(Connection c, List<AttemptRow> rows) throws SQLException {
    long[] ids = new long[rows.size()];
    if (rows.isEmpty()) {
      return ids;
    }
    long[] reserved = Dialect.of(c).reserveIds(c, "attempts", rows.size());
    List<Object[]> values = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      AttemptRow a = rows.get(i);
      ids[i] = reserved[i];
      Object[] columns = columns(a);
      Object[] row = new Object[columns.length + 1];
      row[0] = ids[i];
      System.arraycopy(columns, 0, row, 1, columns.length);
      values.add(row);
    }
    Sql.multiRowUpdate(
        c,
        "INSERT INTO attempts (id, person_id, scope_id, question_id, topic, kind, answer, score,"
            + " verdict, key_points, grader, hints, answered_at, local_day, counted, points) VALUES ",
        "",
        16,
        values);
    return ids;
  }

  /** A (person, question, local day) whose non-daily answers may already have counted. */
  public record DayKey(long personId, String questionId, String localDay) {}

  /**
   * Of the keys given, those for which a non-daily answer already counted (one query per 64 keys).
   */
  public static Set<DayKey> countedOn(Connection c, Collection<DayKey> keys) throws SQLException {
    List<Object[]> values = new ArrayList<>(keys.size());
    for (DayKey k : keys) {
      values.add(new Object[] {k.personId(), k.questionId(), k.localDay()});
    }
    return new HashSet<>(
        Sql.multiRowQuery(
            c,
            "WITH k (p, q, d) AS (VALUES ",
            ") SELECT k.p, k.q, k.d FROM k"
                + " WHERE EXISTS (SELECT 1 FROM attempts a WHERE a.person_id = k.p AND a.question_id = k.q"
                + " AND a.local_day = k.d AND a.counted = 1 AND a.kind <> 'daily')",
            3,
            values,
            rs -> new DayKey(rs.getLong(1), rs.getString(2), rs.getString(3))));
  }

  /**
   * Whether a non-daily answer of this person to this question already counted on this local day.
   */
  public static boolean countedOn(Connection c, long personId, String questionId, String localDay)
      throws SQLException {
    return Sql.one(
            c,
            "SELECT 1 FROM attempts WHERE person_id = ? AND question_id = ? AND local_day = ?"
                + " AND counted = 1 AND kind <> 'daily' LIMIT 1",
            rs -> 1,
            personId,
            questionId,
            localDay)
        .isPresent();
  }

  public static Optional<AttemptRow> byId(Connection c, long id) throws SQLException {
    return Sql.one(c, "SELECT * FROM attempts WHERE id = ?", AttemptRepository::full, id);
  }

  /** A person's attempts without answer texts, oldest first. */
  public static List<AttemptRow> summariesFor(Connection c, long personId) throws SQLException {
    return Sql.list(
        c,
        "SELECT id, person_id, scope_id, question_id, topic, kind, score, verdict, grader, hints,"
            + " answered_at, local_day, counted, points FROM attempts WHERE person_id = ? ORDER BY answered_at, id",
        rs ->
            new AttemptRow(
                rs.getLong(1),
                rs.getLong(2),
                rs.getLong(3),
                rs.getString(4),
                rs.getString(5),
                AttemptKind.fromDb(rs.getString(6)),
                "",
                rs.getInt(7),
                verdict(rs.getLong(1), rs.getString(8)),
                "",
                rs.getString(9),
                rs.getInt(10),
                rs.getLong(11),
                rs.getString(12),
                rs.getInt(13) == 1,
                rs.getInt(14)),
        personId);
  }

  /** Average score per question over everyone's answers in one scope. */
  public static Map<String, Double> averageByQuestion(Connection c, long scopeId)
      throws SQLException {
    Map<String, Double> out = new HashMap<>();
    for (Object[] row :
        Sql.list(
            c,
            "SELECT question_id, AVG(score) FROM attempts WHERE scope_id = ?"
                + " GROUP BY question_id",
            rs -> new Object[] {rs.getString(1), rs.getDouble(2)},
            scopeId)) {
      out.put((String) row[0], (Double) row[1]);
    }
    return out;
  }

  public static long count(Connection c) throws SQLException {
    return Sql.count(c, "SELECT COUNT(*) FROM attempts");
  }

  /** A stored verdict: an enum name; anything else is reported, never read as some default. */
  static Verdict verdict(long attemptId, String stored) {
    try {
      return Verdict.valueOf(stored);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new StoreException(
          "attempts.verdict of attempt "
              + attemptId
              + " is '"
              + stored
              + "', not one of "
              + java.util.Arrays.toString(Verdict.values())
              + "; was the database changed by hand?",
          e);
    }
  }

  static AttemptRow full(ResultSet rs) throws SQLException {
    return new AttemptRow(
        rs.getLong("id"),
        rs.getLong("person_id"),
        rs.getLong("scope_id"),
        rs.getString("question_id"),
        rs.getString("topic"),
        AttemptKind.fromDb(rs.getString("kind")),
        rs.getString("answer"),
        rs.getInt("score"),
        verdict(rs.getLong("id"), rs.getString("verdict")),
        rs.getString("key_points"),
        rs.getString("grader"),
        rs.getInt("hints"),
        rs.getLong("answered_at"),
        rs.getString("local_day"),
        rs.getInt("counted") == 1,
        rs.getInt("points"));
  }
}
