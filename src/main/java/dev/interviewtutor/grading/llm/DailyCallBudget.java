package dev.interviewtutor.grading.llm;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} LLM calls per scope (a Discord server, the terminal) per UTC day. Every HTTP attempt
 * counts, retries included. Kept in memory: a restart forgets the day's count, which errs towards more calls
 * rather than a locked-out server.
 */
public final class DailyCallBudget {
  private final int limit;
  private final Clock clock;
  private final Map<String, Day> used = new ConcurrentHashMap<>();

  private record Day(LocalDate date, int calls) {}

  public DailyCallBudget(int limit, Clock clock) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0: " + limit);
    }
    this.limit = limit;
    this.clock = clock;
  }

  /** Takes one call from the scope's budget; false (and nothing taken) when today's calls are used up. */
  public boolean tryAcquire(String scopeKey) {
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    boolean[] granted = {false};
    used.compute(scopeKey, (k, day) -> {
      int calls = day == null || !day.date().equals(today) ? 0 : day.calls();
      if (calls >= limit) {
        return new Day(today, calls);
      }
      granted[0] = true;
      return new Day(today, calls + 1);
    });
    return granted[0];
  }

  /** Calls the scope has left today. */
  public int remaining(String scopeKey) {
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    Day day = used.get(scopeKey);
    int calls = day == null || !day.date().equals(today) ? 0 : day.calls();
    return Math.max(0, limit - calls);
  }

  public int limit() {
    return limit;
  }
}
