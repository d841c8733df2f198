package dev.interviewtutor.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The per-person answer rate limit, kept in the database so it holds across processes and restarts:
 * a sliding one-minute window of granted answers ({@code answer_rate_events}). Rows older than the
 * window are pruned as new ones come, so the table holds at most one minute of answers.
 */
public final class RateLimitRepository {
  static final Duration WINDOW = Duration.ofMinutes(1);
  private final Database db;

  public RateLimitRepository(Database db) {
    this.db = db;
  }

  /**
   * Takes one slot for this person (a {@code people.key}, such as {@code discord:<id>}); when none
   * is free, takes nothing and returns how long until one is.
   */
  public Optional<Duration> tryAcquire(String personKey, Instant now, int perMinute) {
    if (perMinute <= 0) {
      throw new IllegalArgumentException("perMinute must be positive: " + perMinute);
    }
    long at = now.toEpochMilli();
    long windowStart = at - WINDOW.toMillis();
    return db.write(
        c -> {
          Sql.update(c, "DELETE FROM answer_rate_events WHERE at <= ?", windowStart);
          long[] countAndOldest =
              Sql.one(
                      c,
                      "SELECT COUNT(*), MIN(at) FROM answer_rate_events WHERE person_key = ?",
                      rs -> new long[] {rs.getLong(1), rs.getLong(2)},
                      personKey)
                  .orElseThrow();
          if (countAndOldest[0] >= perMinute) {
            return Optional.of(
                Duration.ofMillis(Math.max(0, countAndOldest[1] + WINDOW.toMillis() - at)));
          }
          Sql.update(
              c, "INSERT INTO answer_rate_events (person_key, at) VALUES (?, ?)", personKey, at);
          return Optional.<Duration>empty();
        });
  }
}
