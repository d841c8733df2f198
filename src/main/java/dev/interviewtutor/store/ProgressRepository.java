package dev.interviewtutor.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Streaks and spaced-repetition state. */
public final class ProgressRepository {
  private ProgressRepository() {}

  public static Optional<StreakRow> streak(Connection c, long personId) throws SQLException {
    return Sql.one(
        c,
        "SELECT * FROM streaks WHERE person_id = ?",
        rs ->
            new StreakRow(
                rs.getLong("person_id"),
                rs.getInt("current"),
                rs.getInt("best"),
                rs.getString("last_day")),
        personId);
  }

  public static void putStreak(Connection c, StreakRow s) throws SQLException {
    Sql.update(
        c,
        "INSERT INTO streaks (person_id, current, best, last_day) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (person_id) DO UPDATE SET current = excluded.current, best = excluded.best,"
            + " last_day = excluded.last_day",
        s.personId(),
        s.current(),
        s.best(),
        s.lastDay());
  }

  /** The streaks of these people (absent ones have none yet). */
  public static Map<Long, StreakRow> streaks(Connection c, Collection<Long> personIds)
      throws SQLException {
    Map<Long, StreakRow> out = new HashMap<>();
    for (StreakRow s :
        Sql.multiRowQuery(
            c,
            "SELECT person_id, current, best, last_day FROM streaks" + " WHERE person_id IN (",
            ")",
            1,
            personIds.stream().map(id -> new Object[] {id}).toList(),
            rs -> new StreakRow(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getString(4)))) {
      out.put(s.personId(), s);
    }
    return out;
  }

  public static void putStreaks(Connection c, Collection<StreakRow> streaks) throws SQLException {
    Sql.multiRowUpdate(
        c,
        "INSERT INTO streaks (person_id, current, best, last_day) VALUES ",
        " ON CONFLICT (person_id) DO UPDATE SET current = excluded.current, best = excluded.best,"
            + " last_day = excluded.last_day",
        4,
        streaks.stream()
            .sorted(Comparator.comparingLong(StreakRow::personId))
            .map(s -> new Object[] {s.personId(), s.current(), s.best(), s.lastDay()})
            .toList());
  }

  /** A person and question. */
  public record ReviewKey(long personId, String questionId) {}

  /** The review states of these (person, question) pairs (absent ones were never answered). */
  public static Map<ReviewKey, ReviewState> reviews(Connection c, Collection<ReviewKey> keys)
      throws SQLException {
    Map<ReviewKey, ReviewState> out = new HashMap<>();
    // SQLite: CROSS JOIN keeps the key list as the outer loop, one primary-key probe per key.
    for (ReviewState r :
        Sql.multiRowQuery(
            c,
            "WITH k (p, q) AS (VALUES ",
            ") SELECT r.* FROM k "
                + Dialect.of(c).orderedJoin()
                + " reviews r ON r.person_id = k.p AND r.question_id = k.q",
            2,
            keys.stream().map(k -> new Object[] {k.personId(), k.questionId()}).toList(),
            ProgressRepository::review)) {
      out.put(new ReviewKey(r.personId(), r.questionId()), r);
    }
    return out;
  }

  /**
   * Primary-key order: one row per key, so writing in this order changes nothing but the B-tree
   * walk.
   */
  private static final Comparator<ReviewState> REVIEW_KEY_ORDER =
      Comparator.comparingLong(ReviewState::personId).thenComparing(ReviewState::questionId);

  public static void putReviews(Connection c, Collection<ReviewState> reviews) throws SQLException {
    Sql.multiRowUpdate(
        c,
        "INSERT INTO reviews (person_id, question_id, repetitions, interval_days, ease, due_day,"
            + " last_score, reviewed_at) VALUES ",
        " ON CONFLICT (person_id, question_id) DO UPDATE SET"
            + " repetitions = excluded.repetitions, interval_days = excluded.interval_days, ease = excluded.ease,"
            + " due_day = excluded.due_day, last_score = excluded.last_score, reviewed_at = excluded.reviewed_at",
        8,
        reviews.stream()
            .sorted(REVIEW_KEY_ORDER)
            .map(
                r ->
                    new Object[] {
                      r.personId(),
                      r.questionId(),
                      r.repetitions(),
                      r.intervalDays(),
                      r.ease(),
                      r.dueDay(),
                      r.lastScore(),
                      r.reviewedAt()
                    })
            .toList());
  }

  public static Optional<ReviewState> review(Connection c, long personId, String questionId)
      throws SQLException {
    return Sql.one(
        c,
        "SELECT * FROM reviews WHERE person_id = ? AND question_id = ?",
        ProgressRepository::review,
        personId,
        questionId);
  }

  public static void putReview(Connection c, ReviewState r) throws SQLException {
    Sql.update(
        c,
        "INSERT INTO reviews (person_id, question_id, repetitions, interval_days, ease, due_day,"
            + " last_score, reviewed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (person_id, question_id) DO"
            + " UPDATE SET repetitions = excluded.repetitions, interval_days = excluded.interval_days,"
            + " ease = excluded.ease, due_day = excluded.due_day, last_score = excluded.last_score,"
            + " reviewed_at = excluded.reviewed_at",
        r.personId(),
        r.questionId(),
        r.repetitions(),
        r.intervalDays(),
        r.ease(),
        r.dueDay(),
        r.lastScore(),
        r.reviewedAt());
  }

  /** Every question the person has answered, with its review state. */
  public static List<ReviewState> reviews(Connection c, long personId) throws SQLException {
    return Sql.list(
        c,
        "SELECT * FROM reviews WHERE person_id = ? ORDER BY due_day, last_score, question_id",
        ProgressRepository::review,
        personId);
  }

  /**
   * Questions due on or before {@code today} (local ISO date), most overdue first, then weakest.
   */
  public static List<ReviewState> due(Connection c, long personId, String today)
      throws SQLException {
    return Sql.list(
        c,
        "SELECT * FROM reviews WHERE person_id = ? AND due_day <= ?"
            + " ORDER BY due_day, last_score, question_id",
        ProgressRepository::review,
        personId,
        today);
  }

  private static ReviewState review(ResultSet rs) throws SQLException {
    return new ReviewState(
        rs.getLong("person_id"),
        rs.getString("question_id"),
        rs.getInt("repetitions"),
        rs.getInt("interval_days"),
        rs.getDouble("ease"),
        rs.getString("due_day"),
        rs.getInt("last_score"),
        rs.getLong("reviewed_at"));
  }
}
