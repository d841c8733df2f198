package dev.interviewtutor.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Hints shown for a single question (quiz, review) that has not been answered yet, so the score cap
 * survives a restart. Interview hints live with the interview ({@code interview_items.hints}).
 */
public final class HintRepository {
  private HintRepository() {}

  public static int shown(Connection c, long personId, String questionId) throws SQLException {
    return Sql.one(
            c,
            "SELECT shown FROM question_hints WHERE person_id = ? AND question_id = ?",
            rs -> rs.getInt(1),
            personId,
            questionId)
        .orElse(0);
  }

  public static void setShown(Connection c, long personId, String questionId, int shown)
      throws SQLException {
    Sql.update(
        c,
        "INSERT INTO question_hints (person_id, question_id, shown) VALUES (?, ?, ?)"
            + " ON CONFLICT (person_id, question_id) DO UPDATE SET shown = excluded.shown",
        personId,
        questionId,
        shown);
  }

  public static void clear(Connection c, long personId, String questionId) throws SQLException {
    Sql.update(
        c,
        "DELETE FROM question_hints WHERE person_id = ? AND question_id = ?",
        personId,
        questionId);
  }
}
