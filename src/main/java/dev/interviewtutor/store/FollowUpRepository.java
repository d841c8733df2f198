package dev.interviewtutor.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Pending interview follow-ups ({@code interview_follow_ups}): at most one per session and one per
 * person and scope, so a follow-up survives a restart and is answered by whichever process receives
 * the reply. The payload is the front-end's own JSON (the question, its one-point rubric, what the
 * reply needs). Forget-me removes them with the person; they also go with their session.
 */
public final class FollowUpRepository {
  private FollowUpRepository() {}

  /**
   * One pending follow-up. {@code createdAt} (epoch millis) tells two versions of the same
   * session's apart.
   */
  public record Pending(
      long sessionId, long personId, long scopeId, int position, String payload, long createdAt) {}

  /**
   * Makes this the person's only pending follow-up in the scope (replacing any other, and the
   * session's own).
   */
  public static void replace(Connection c, Pending p) throws SQLException {
    Sql.update(
        c,
        "DELETE FROM interview_follow_ups WHERE (person_id = ? AND scope_id = ?) OR session_id = ?",
        p.personId(),
        p.scopeId(),
        p.sessionId());
    Sql.update(
        c,
        "INSERT INTO interview_follow_ups (session_id, person_id, scope_id, position, payload,"
            + " created_at) VALUES (?, ?, ?, ?, ?, ?)",
        p.sessionId(),
        p.personId(),
        p.scopeId(),
        p.position(),
        p.payload(),
        p.createdAt());
  }

  public static Optional<Pending> of(Connection c, long sessionId) throws SQLException {
    return Sql.one(
        c,
        "SELECT * FROM interview_follow_ups WHERE session_id = ?",
        FollowUpRepository::pending,
        sessionId);
  }

  /** The person's pending follow-ups, newest first (in one scope when {@code scopeId} is given). */
  public static List<Pending> forPerson(Connection c, long personId, Long scopeId)
      throws SQLException {
    return Sql.list(
        c,
        "SELECT * FROM interview_follow_ups WHERE person_id = ? AND (CAST(? AS BIGINT) IS NULL"
            + " OR scope_id = ?) ORDER BY created_at DESC, session_id DESC",
        FollowUpRepository::pending,
        personId,
        scopeId,
        scopeId);
  }

  /**
   * Removes the session's follow-up if it is still the one given (same {@code createdAt}): true for
   * exactly one of two processes or clicks racing to answer it.
   */
  public static boolean take(Connection c, Pending p) throws SQLException {
    return Sql.update(
            c,
            "DELETE FROM interview_follow_ups WHERE session_id = ? AND created_at = ?",
            p.sessionId(),
            p.createdAt())
        > 0;
  }

  public static void remove(Connection c, long sessionId) throws SQLException {
    Sql.update(c, "DELETE FROM interview_follow_ups WHERE session_id = ?", sessionId);
  }

  /** Drops follow-ups created before {@code before} (epoch millis); returns how many. */
  public static int prune(Connection c, long before) throws SQLException {
    return Sql.update(c, "DELETE FROM interview_follow_ups WHERE created_at < ?", before);
  }

  private static Pending pending(ResultSet rs) throws SQLException {
    return new Pending(
        rs.getLong("session_id"),
        rs.getLong("person_id"),
        rs.getLong("scope_id"),
        rs.getInt("position"),
        rs.getString("payload"),
        rs.getLong("created_at"));
  }
}
