package dev.interviewtutor.grading.llm;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} LLM calls per scope (a Discord server, the terminal) per UTC day. Every
 * HTTP attempt counts, retries included. The count lives in a {@link Counter}: in memory by default
 * (a restart forgets the day's count, which errs towards more calls rather than a locked-out
 * server), or in the database ({@code store.LlmBudgetRepository}), where it holds across restarts
 * and is shared by every process.
 */
public final class DailyCallBudget {
  /** Where the calls used per scope and day are counted. */
  public interface Counter {
    /** Takes one call; false (and nothing taken) when {@code limit} calls are used on that day. */
    boolean tryConsume(String scopeKey, LocalDate day, int limit);

    int used(String scopeKey, LocalDate day);
  }

  private final int limit;
  private final Clock clock;
  private final Counter counter;

  public DailyCallBudget(int limit, Clock clock) {
    this(limit, clock, new InMemory());
  }

  public DailyCallBudget(int limit, Clock clock, Counter counter) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0: " + limit);
    }
    this.limit = limit;
    this.clock = clock;
    this.counter = counter;
  }

  /** The same limit and clock, counted in {@code other}. */
  public DailyCallBudget countedIn(Counter other) {
    return new DailyCallBudget(limit, clock, other);
  }

  /**
   * Takes one call from the scope's budget; false (and nothing taken) when today's calls are used
   * up.
   */
  public boolean tryAcquire(String scopeKey) {
    return counter.tryConsume(scopeKey, today(), limit);
  }

  /** Calls the scope has left today. */
  public int remaining(String scopeKey) {
    return Math.max(0, limit - counter.used(scopeKey, today()));
  }

  public int limit() {
    return limit;
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(ZoneOffset.UTC));
  }

  /** One process's count, forgotten on restart. */
  private static final class InMemory implements Counter {
    private record Day(LocalDate date, int calls) {}

    private final Map<String, Day> used = new ConcurrentHashMap<>();

    @Override
    public boolean tryConsume(String scopeKey, LocalDate today, int limit) {
      boolean[] granted = {false};
      used.compute(
          scopeKey,
          (k, day) -> {
            int calls = day == null || !day.date().equals(today) ? 0 : day.calls();
            if (calls >= limit) {
              return new Day(today, calls);
            }
            granted[0] = true;
            return new Day(today, calls + 1);
          });
      return granted[0];
    }

    @Override
    public int used(String scopeKey, LocalDate today) {
      Day day = used.get(scopeKey);
      return day == null || !day.date().equals(today) ? 0 : day.calls();
    }
  }
}
