package dev.interviewtutor.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interviewtutor.grading.Grade;
import dev.interviewtutor.grading.llm.GradeCache;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LLM grades kept in the database ({@code llm_grade_cache}, SQLite or PostgreSQL), so the same
 * answer keeps its grade across restarts. Each row carries its answer's hash, so forget-me can
 * remove the grades that quote a person's answers ({@link PeopleRepository#deleteEverything}). A
 * cache failure never fails a grade: an unreadable row is a miss, a failed write is logged. Rows
 * older than {@link #DEFAULT_MAX_AGE} are deleted by the first write after start and then at most
 * hourly, so the table does not grow forever (a pruned answer is simply graded again).
 */
public final class SqliteGradeCache implements GradeCache {
  private static final Logger log = LoggerFactory.getLogger(SqliteGradeCache.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(30);
  private static final Duration PRUNE_EVERY = Duration.ofHours(1);

  private final Database db;
  private final Clock clock;
  private final Duration maxAge;

  /** When rows were last pruned (epoch ms); the first write prunes. */
  private final AtomicLong prunedAt = new AtomicLong(Long.MIN_VALUE);

  public SqliteGradeCache(Database db, Clock clock) {
    this(db, clock, DEFAULT_MAX_AGE);
  }

  public SqliteGradeCache(Database db, Clock clock, Duration maxAge) {
    this.db = db;
    this.clock = clock;
    this.maxAge = maxAge;
  }

  @Override
  public Optional<Grade> get(String key) {
    try {
      Optional<String> json =
          db.read(
              c ->
                  Sql.one(
                      c,
                      "SELECT grade_json FROM llm_grade_cache WHERE cache_key = ?",
                      rs -> rs.getString(1),
                      storedKey(key)));
      return json.map(SqliteGradeCache::parse).flatMap(g -> g);
    } catch (RuntimeException e) {
      log.warn("LLM grade cache read failed ({}); grading again", e.getMessage());
      return Optional.empty();
    }
  }

  @Override
  public void put(String key, Grade grade) {
    try {
      String json = JSON.writeValueAsString(grade);
      long now = clock.millis();
      long last = prunedAt.get();
      boolean prune =
          (last == Long.MIN_VALUE || now - last >= PRUNE_EVERY.toMillis())
              && prunedAt.compareAndSet(last, now);
      db.writeVoid(
          c -> {
            if (prune) {
              int gone =
                  Sql.update(
                      c,
                      "DELETE FROM llm_grade_cache WHERE created_at < ?",
                      now - maxAge.toMillis());
              if (gone > 0) {
                log.info(
                    "pruned {} LLM grade cache rows older than {} days", gone, maxAge.toDays());
              }
            }
            Sql.update(
                c,
                "INSERT INTO llm_grade_cache (cache_key, grader, grade_json,"
                    + " created_at, answer_hash) VALUES (?, ?, ?, ?, ?) ON CONFLICT (cache_key) DO UPDATE SET grader ="
                    + " excluded.grader, grade_json = excluded.grade_json, created_at = excluded.created_at, answer_hash ="
                    + " excluded.answer_hash",
                storedKey(key),
                grade.grader(),
                json,
                now,
                GradeCache.answerHashOfKey(key));
          });
    } catch (JsonProcessingException | RuntimeException e) {
      log.warn("LLM grade cache write failed: {}", e.getMessage());
    }
  }

  /**
   * Forget-me deletes these rows in its own transaction already; this is for a cache used on its
   * own.
   */
  @Override
  public void forget(java.util.Set<String> answerHashes) {
    db.writeVoid(
        c -> {
          for (String hash : answerHashes) {
            Sql.update(c, "DELETE FROM llm_grade_cache WHERE answer_hash = ?", hash);
          }
        });
  }

  /**
   * The key as stored: the grader separates its parts with NUL, which PostgreSQL text cannot hold,
   * so NUL is stored as U+001F on both backends (rows written with NUL by earlier versions are
   * misses: graded again).
   */
  static String storedKey(String key) {
    return key.replace('\u0000', '\u001f');
  }

  private static Optional<Grade> parse(String json) {
    try {
      return Optional.of(JSON.readValue(json, Grade.class));
    } catch (JsonProcessingException e) {
      log.warn("unreadable LLM grade cache row ignored: {}", e.getOriginalMessage());
      return Optional.empty();
    }
  }
}
