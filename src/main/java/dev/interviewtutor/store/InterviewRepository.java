package dev.interviewtutor.store;

import dev.interviewtutor.store.InterviewRows.Item;
import dev.interviewtutor.store.InterviewRows.ItemStatus;
import dev.interviewtutor.store.InterviewRows.Session;
import dev.interviewtutor.store.InterviewRows.Status;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Mock interview sessions and their items. */
public final class InterviewRepository {
  private InterviewRepository() {}

  /** Creates an active session at position 0 with one pending item per question. */
  public static long create(
      Connection c, long personId, long scopeId, String topic, List<String> questionIds, long now)
      throws SQLException {
    long id =
        Sql.insert(
            c,
            "INSERT INTO interview_sessions (person_id, scope_id, topic, status, position,"
                + " started_at, updated_at) VALUES (?, ?, ?, 'active', 0, ?, ?)",
            personId,
            scopeId,
            topic,
            now,
            now);
    for (int i = 0; i < questionIds.size(); i++) {
      Sql.update(
          c,
          "INSERT INTO interview_items (session_id, position, question_id, status) VALUES (?, ?, ?,"
              + " 'pending')",
          id,
          i,
          questionIds.get(i));
    }
    return id;
  }

  public static Optional<Session> session(Connection c, long id) throws SQLException {
    Optional<Session> head =
        Sql.one(
            c,
            "SELECT * FROM interview_sessions WHERE id = ?",
            rs ->
                new Session(
                    rs.getLong("id"),
                    rs.getLong("person_id"),
                    rs.getLong("scope_id"),
                    rs.getString("topic"),
                    Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                    rs.getInt("position"),
                    rs.getLong("started_at"),
                    rs.getLong("updated_at"),
                    List.of()),
            id);
    if (head.isEmpty()) {
      return head;
    }
    List<Item> items =
        Sql.list(
            c,
            "SELECT * FROM interview_items WHERE session_id = ? ORDER BY position",
            rs ->
                new Item(
                    rs.getInt("position"),
                    rs.getString("question_id"),
                    ItemStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                    rs.getInt("hints"),
                    Sql.nullableLong(rs, "attempt_id"),
                    (Integer) rs.getObject("score")),
            id);
    Session s = head.get();
    return Optional.of(
        new Session(
            s.id(),
            s.personId(),
            s.scopeId(),
            s.topic(),
            s.status(),
            s.position(),
            s.startedAt(),
            s.updatedAt(),
            items));
  }

  /** The person's active session in a scope, if any (the newest). */
  public static Optional<Session> active(Connection c, long personId, long scopeId)
      throws SQLException {
    Optional<Long> id =
        Sql.one(
            c,
            "SELECT id FROM interview_sessions WHERE person_id = ? AND scope_id = ?"
                + " AND status = 'active' ORDER BY id DESC LIMIT 1",
            rs -> rs.getLong(1),
            personId,
            scopeId);
    return id.isPresent() ? session(c, id.get()) : Optional.empty();
  }

  /** Marks every active session of the person in the scope abandoned. */
  public static int abandonActive(Connection c, long personId, long scopeId, long now)
      throws SQLException {
    return Sql.update(
        c,
        "UPDATE interview_sessions SET status = 'abandoned', updated_at = ? WHERE person_id = ?"
            + " AND scope_id = ? AND status = 'active'",
        now,
        personId,
        scopeId);
  }

  public static void updateItem(Connection c, long sessionId, Item item) throws SQLException {
    Sql.update(
        c,
        "UPDATE interview_items SET status = ?, hints = ?, attempt_id = ?, score = ? WHERE session_id = ?"
            + " AND position = ?",
        item.status(),
        item.hints(),
        item.attemptId(),
        item.score(),
        sessionId,
        item.position());
  }

  public static void move(Connection c, long sessionId, int position, Status status, long now)
      throws SQLException {
    Sql.update(
        c,
        "UPDATE interview_sessions SET position = ?, status = ?, updated_at = ? WHERE id = ?",
        position,
        status,
        now,
        sessionId);
  }
}
