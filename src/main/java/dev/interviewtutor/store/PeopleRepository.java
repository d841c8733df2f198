package dev.interviewtutor.store;

import dev.interviewtutor.grading.llm.GradeCache;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * People and scopes. Methods take the connection of a {@link Database#read} or {@link
 * Database#write}.
 */
public final class PeopleRepository {
  private PeopleRepository() {}

  /**
   * Finds or creates a person. An existing person's display name is updated when it changed; the
   * zone is used only when the person is new.
   */
  public static Person upsert(
      Connection c, String key, String displayName, ZoneId zoneIfNew, long now)
      throws SQLException {
    Sql.update(
        c,
        "INSERT INTO people (key, display_name, time_zone, created_at) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (key) DO UPDATE SET display_name = excluded.display_name"
            + " WHERE people.display_name <> excluded.display_name",
        key,
        displayName,
        zoneIfNew.getId(),
        now);
    return find(c, key).orElseThrow();
  }

  public static Optional<Person> find(Connection c, String key) throws SQLException {
    return Sql.one(c, "SELECT * FROM people WHERE key = ?", PeopleRepository::person, key);
  }

  public static Optional<Person> byId(Connection c, long id) throws SQLException {
    return Sql.one(c, "SELECT * FROM people WHERE id = ?", PeopleRepository::person, id);
  }

  /** These people by id (forgotten ones are absent). */
  public static Map<Long, Person> byIds(Connection c, Collection<Long> ids) throws SQLException {
    Map<Long, Person> out = new HashMap<>();
    for (Person p :
        Sql.multiRowQuery(
            c,
            "SELECT * FROM people WHERE id IN (",
            ")",
            1,
            ids.stream().map(id -> new Object[] {id}).toList(),
            PeopleRepository::person)) {
      out.put(p.id(), p);
    }
    return out;
  }

  public static void setZone(Connection c, long personId, ZoneId zone) throws SQLException {
    Sql.update(c, "UPDATE people SET time_zone = ? WHERE id = ?", zone.getId(), personId);
  }

  /**
   * Deletes every row of one person (call inside one write transaction). Returns rows deleted per
   * table, the {@code people} row last.
   */
  public static Map<String, Integer> deleteEverything(Connection c, long personId)
      throws SQLException {
    Map<String, Integer> deleted = new LinkedHashMap<>();
    // First, while the answers are still here: cached LLM grades quote the answers they graded.
    deleted.put("llm_grade_cache", deleteCachedGrades(c, personId));
    deleted.put(
        "follow_up_answers",
        Sql.update(c, "DELETE FROM follow_up_answers WHERE person_id = ?", personId));
    deleted.put(
        "question_hints",
        Sql.update(c, "DELETE FROM question_hints WHERE person_id = ?", personId));
    deleted.put(
        "interview_follow_ups",
        Sql.update(c, "DELETE FROM interview_follow_ups WHERE person_id = ?", personId));
    deleted.put(
        "answer_rate_events",
        Sql.update(
            c,
            "DELETE FROM answer_rate_events WHERE person_key IN"
                + " (SELECT key FROM people WHERE id = ?)",
            personId));
    deleted.put(
        "daily_answers", Sql.update(c, "DELETE FROM daily_answers WHERE person_id = ?", personId));
    deleted.put(
        "interview_sessions",
        Sql.update(c, "DELETE FROM interview_sessions WHERE person_id = ?", personId));
    deleted.put("attempts", Sql.update(c, "DELETE FROM attempts WHERE person_id = ?", personId));
    deleted.put(
        "board_points", Sql.update(c, "DELETE FROM board_points WHERE person_id = ?", personId));
    deleted.put(
        "everywhere_points",
        Sql.update(c, "DELETE FROM everywhere_points WHERE person_id = ?", personId));
    deleted.put("reviews", Sql.update(c, "DELETE FROM reviews WHERE person_id = ?", personId));
    deleted.put("streaks", Sql.update(c, "DELETE FROM streaks WHERE person_id = ?", personId));
    Sql.update(c, "UPDATE daily_settings SET set_up_by = NULL WHERE set_up_by = ?", personId);
    deleted.put("people", Sql.update(c, "DELETE FROM people WHERE id = ?", personId));
    return deleted;
  }

  /**
   * The hashes ({@link GradeCache#answerHash}) of every answer of the person: attempts and
   * follow-up replies.
   */
  public static Set<String> answerHashes(Connection c, long personId) throws SQLException {
    Set<String> hashes = new HashSet<>();
    for (String answer :
        Sql.list(
            c,
            "SELECT DISTINCT answer FROM attempts WHERE person_id = ?",
            rs -> rs.getString(1),
            personId)) {
      hashes.add(GradeCache.answerHash(answer));
    }
    hashes.addAll(
        Sql.list(
            c,
            "SELECT answer_hash FROM follow_up_answers WHERE person_id = ?",
            rs -> rs.getString(1),
            personId));
    return hashes;
  }

  /**
   * Deletes the LLM grade-cache rows of every answer of the person (attempts and follow-up
   * replies).
   */
  private static int deleteCachedGrades(Connection c, long personId) throws SQLException {
    int deleted = 0;
    for (String hash : answerHashes(c, personId)) {
      deleted += Sql.update(c, "DELETE FROM llm_grade_cache WHERE answer_hash = ?", hash);
    }
    return deleted;
  }

  /**
   * Remembers that the person's reply with this hash was graded (and maybe cached), for forget-me.
   */
  public static void noteFollowUpAnswer(Connection c, long personId, String answerHash)
      throws SQLException {
    Sql.update(
        c,
        "INSERT INTO follow_up_answers (person_id, answer_hash) VALUES (?, ?)"
            + " ON CONFLICT (person_id, answer_hash) DO NOTHING",
        personId,
        answerHash);
  }

  public static Scope upsertScope(Connection c, ScopeKind kind, String key, String name)
      throws SQLException {
    Sql.update(
        c,
        "INSERT INTO scopes (kind, key, name) VALUES (?, ?, ?) ON CONFLICT (kind, key) DO UPDATE SET"
            + " name = excluded.name WHERE scopes.name <> excluded.name AND excluded.name <> ''",
        kind.dbName(),
        key,
        name);
    return Sql.one(
            c,
            "SELECT * FROM scopes WHERE kind = ? AND key = ?",
            PeopleRepository::scope,
            kind.dbName(),
            key)
        .orElseThrow();
  }

  /** An existing scope by kind and key (no row is created). */
  public static Optional<Scope> findScope(Connection c, ScopeKind kind, String key)
      throws SQLException {
    return Sql.one(
        c,
        "SELECT * FROM scopes WHERE kind = ? AND key = ?",
        PeopleRepository::scope,
        kind.dbName(),
        key);
  }

  public static Optional<Scope> scopeById(Connection c, long id) throws SQLException {
    return Sql.one(c, "SELECT * FROM scopes WHERE id = ?", PeopleRepository::scope, id);
  }

  static Person person(ResultSet rs) throws SQLException {
    return new Person(
        rs.getLong("id"),
        rs.getString("key"),
        rs.getString("display_name"),
        ZoneId.of(rs.getString("time_zone")));
  }

  static Scope scope(ResultSet rs) throws SQLException {
    return new Scope(
        rs.getLong("id"),
        ScopeKind.fromDb(rs.getString("kind")),
        rs.getString("key"),
        rs.getString("name"));
  }
}
