package dev.interviewtutor.store;

import dev.interviewtutor.store.DailyRows.Answer;
import dev.interviewtutor.store.DailyRows.Post;
import dev.interviewtutor.store.DailyRows.Settings;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Daily-question settings, posts and sealed answers. */
public final class DailyRepository {
  private static final String POST_COLUMNS =
      "id, scope_id, question_id, scheduled_for, claimed_at, posted_at,"
          + " message_id, revealed_at";

  private DailyRepository() {}

  public static void putSettings(Connection c, Settings s) throws SQLException {
    Sql.update(
        c,
        "INSERT INTO daily_settings (scope_id, channel_id, local_time, time_zone, enabled, paused,"
            + " pause_reason, set_up_by, active_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (scope_id) DO"
            + " UPDATE SET channel_id = excluded.channel_id, local_time = excluded.local_time, time_zone ="
            + " excluded.time_zone, enabled = excluded.enabled, paused = excluded.paused, pause_reason ="
            + " excluded.pause_reason, set_up_by = excluded.set_up_by, active_from = excluded.active_from",
        s.scopeId(),
        s.channelId(),
        s.localTime().toString(),
        s.zone().getId(),
        s.enabled(),
        s.paused(),
        s.pauseReason(),
        s.setUpBy(),
        s.activeFrom());
  }

  public static Optional<Settings> settings(Connection c, long scopeId) throws SQLException {
    return Sql.one(
        c, "SELECT * FROM daily_settings WHERE scope_id = ?", DailyRepository::settings, scopeId);
  }

  /** Settings that are enabled and not paused. */
  public static List<Settings> running(Connection c) throws SQLException {
    return Sql.list(
        c,
        "SELECT * FROM daily_settings WHERE enabled = 1 AND paused = 0 ORDER BY scope_id",
        DailyRepository::settings);
  }

  /**
   * Claims a post; for a scheduled date that is already claimed, returns the existing post instead.
   */
  public static Post claim(
      Connection c, long scopeId, String questionId, String scheduledFor, long now)
      throws SQLException {
    if (scheduledFor != null) {
      Optional<Post> existing =
          Sql.one(
              c,
              "SELECT "
                  + POST_COLUMNS
                  + " FROM daily_posts WHERE scope_id = ? AND"
                  + " scheduled_for = ?",
              DailyRepository::post,
              scopeId,
              scheduledFor);
      if (existing.isPresent()) {
        return existing.get();
      }
    }
    long id =
        Sql.insert(
            c,
            "INSERT INTO daily_posts (scope_id, question_id, scheduled_for, claimed_at) VALUES"
                + " (?, ?, ?, ?)",
            scopeId,
            questionId,
            scheduledFor,
            now);
    return post(c, id).orElseThrow();
  }

  public static Optional<Post> post(Connection c, long id) throws SQLException {
    return Sql.one(
        c, "SELECT " + POST_COLUMNS + " FROM daily_posts WHERE id = ?", DailyRepository::post, id);
  }

  public static Optional<Post> scheduledPost(Connection c, long scopeId, String localDate)
      throws SQLException {
    return Sql.one(
        c,
        "SELECT " + POST_COLUMNS + " FROM daily_posts WHERE scope_id = ? AND scheduled_for = ?",
        DailyRepository::post,
        scopeId,
        localDate);
  }

  /** Delivered posts of a scope, newest first. */
  public static List<Post> posts(Connection c, long scopeId) throws SQLException {
    return Sql.list(
        c,
        "SELECT "
            + POST_COLUMNS
            + " FROM daily_posts WHERE scope_id = ? ORDER BY claimed_at DESC,"
            + " id DESC",
        DailyRepository::post,
        scopeId);
  }

  /**
   * Per scope id: how many of its delivered posts are not revealed yet (scopes with none left out).
   */
  public static java.util.Map<Long, Integer> unrevealedCounts(Connection c) throws SQLException {
    java.util.Map<Long, Integer> counts = new java.util.HashMap<>();
    for (long[] row :
        Sql.list(
            c,
            "SELECT scope_id, COUNT(*) FROM daily_posts"
                + " WHERE posted_at IS NOT NULL AND revealed_at IS NULL GROUP BY scope_id",
            rs -> new long[] {rs.getLong(1), rs.getLong(2)})) {
      counts.put(row[0], (int) row[1]);
    }
    return counts;
  }

  public static void markPosted(Connection c, long postId, String messageId, long now)
      throws SQLException {
    Sql.update(
        c,
        "UPDATE daily_posts SET posted_at = ?, message_id = ? WHERE id = ?",
        now,
        messageId,
        postId);
  }

  public static void markRevealed(Connection c, long postId, long now) throws SQLException {
    Sql.update(
        c,
        "UPDATE daily_posts SET revealed_at = ? WHERE id = ? AND revealed_at IS NULL",
        now,
        postId);
  }

  public static void deletePost(Connection c, long postId) throws SQLException {
    Sql.update(c, "DELETE FROM daily_posts WHERE id = ?", postId);
  }

  /** How often each question has been posted (delivered or claimed) in a scope. */
  public static Map<String, Integer> postCounts(Connection c, long scopeId) throws SQLException {
    Map<String, Integer> out = new HashMap<>();
    for (Object[] row :
        Sql.list(
            c,
            "SELECT question_id, COUNT(*) FROM daily_posts WHERE scope_id = ? GROUP BY"
                + " question_id",
            rs -> new Object[] {rs.getString(1), rs.getInt(2)},
            scopeId)) {
      out.put((String) row[0], (Integer) row[1]);
    }
    return out;
  }

  public static void insertAnswer(
      Connection c, long postId, long personId, long attemptId, boolean share) throws SQLException {
    Sql.update(
        c,
        "INSERT INTO daily_answers (post_id, person_id, attempt_id, share) VALUES (?, ?, ?, ?)",
        postId,
        personId,
        attemptId,
        share);
  }

  /**
   * Changes whether a sealed answer may be shown at the reveal; returns false when there is no such
   * answer.
   */
  public static boolean setShare(Connection c, long postId, long personId, boolean share)
      throws SQLException {
    return Sql.update(
            c,
            "UPDATE daily_answers SET share = ? WHERE post_id = ? AND person_id = ?",
            share,
            postId,
            personId)
        > 0;
  }

  public static Optional<Answer> answer(Connection c, long postId, long personId)
      throws SQLException {
    return answers(c, postId, personId).stream().findFirst();
  }

  public static List<Answer> answers(Connection c, long postId) throws SQLException {
    return answers(c, postId, null);
  }

  private static List<Answer> answers(Connection c, long postId, Long personId)
      throws SQLException {
    return Sql.list(
        c,
        "SELECT d.share, p.id AS pid, p.key AS pkey, p.display_name, p.time_zone, a.* FROM"
            + " daily_answers d JOIN people p ON p.id = d.person_id JOIN attempts a ON a.id = d.attempt_id"
            + " WHERE d.post_id = ? AND (CAST(? AS BIGINT) IS NULL OR d.person_id = ?) ORDER BY a.score DESC, a.answered_at, a.id",
        rs ->
            new Answer(
                postId,
                new Person(
                    rs.getLong("pid"),
                    rs.getString("pkey"),
                    rs.getString("display_name"),
                    ZoneId.of(rs.getString("time_zone"))),
                rs.getInt("share") == 1,
                AttemptRepository.full(rs)),
        postId,
        personId,
        personId);
  }

  private static Settings settings(ResultSet rs) throws SQLException {
    return new Settings(
        rs.getLong("scope_id"),
        rs.getString("channel_id"),
        LocalTime.parse(rs.getString("local_time")),
        ZoneId.of(rs.getString("time_zone")),
        rs.getInt("enabled") == 1,
        rs.getInt("paused") == 1,
        rs.getString("pause_reason"),
        Sql.nullableLong(rs, "set_up_by"),
        rs.getLong("active_from"));
  }

  private static Post post(ResultSet rs) throws SQLException {
    return new Post(
        rs.getLong("id"),
        rs.getLong("scope_id"),
        rs.getString("question_id"),
        rs.getString("scheduled_for"),
        rs.getLong("claimed_at"),
        Sql.nullableLong(rs, "posted_at"),
        rs.getString("message_id"),
        Sql.nullableLong(rs, "revealed_at"));
  }
}
