package dev.interviewtutor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interviewtutor.grading.Grade;
import dev.interviewtutor.grading.Verdict;
import dev.interviewtutor.practice.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LLM grade cache table does not grow forever: rows older than the maximum age are pruned on
 * write.
 */
class SqliteGradeCachePruneTest {
  @TempDir Path dir;

  private static Grade grade(String question) {
    return new Grade(
        question,
        70,
        Verdict.PARTIALLY_CORRECT,
        List.of(),
        List.of(),
        "ok",
        "",
        "llm-test",
        List.of());
  }

  private static int rows(Database db) {
    return db.read(c -> Sql.one(c, "SELECT COUNT(*) FROM llm_grade_cache", rs -> rs.getInt(1)))
        .orElseThrow();
  }

  @Test
  void rows_older_than_the_maximum_age_are_deleted_by_a_later_write() {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    try (Database db = Database.open(dir.resolve("tutor.db"))) {
      SqliteGradeCache cache = new SqliteGradeCache(db, clock, Duration.ofDays(30));
      cache.put("old\u0000hash-old", grade("71"));
      clock.advance(Duration.ofDays(10));
      cache.put("recent\u0000hash-recent", grade("72"));
      assertEquals(2, rows(db));

      clock.advance(Duration.ofDays(25)); // the first row is 35 days old, the second 25
      cache.put("new\u0000hash-new", grade("73"));
      assertTrue(cache.get("old\u0000hash-old").isEmpty(), "pruned");
      assertTrue(cache.get("recent\u0000hash-recent").isPresent(), "younger rows stay");
      assertTrue(cache.get("new\u0000hash-new").isPresent());
      assertEquals(2, rows(db));
    }
  }
}
