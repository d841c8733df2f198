package dev.interviewtutor.discord;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A sliding one-minute window of graded answers per person, so one person cannot monopolise the
 * grader. The windows live in a bounded cache: a person idle for a minute has an empty window
 * anyway and is dropped, and at most {@link #MAX_PEOPLE} windows are kept (beyond that many people
 * in one minute, the least recent lose theirs, which only ever lets someone through, never refuses
 * them wrongly).
 */
public final class AnswerRateLimiter {
  static final long MAX_PEOPLE = 100_000;
  private static final Duration WINDOW = Duration.ofMinutes(1);
  private final int perMinute;
  private final Clock clock;
  private final Cache<Long, Deque<Instant>> recent;

  public AnswerRateLimiter(int perMinute, Clock clock) {
    this(perMinute, clock, MAX_PEOPLE);
  }

  AnswerRateLimiter(int perMinute, Clock clock, long maxPeople) {
    if (perMinute <= 0) {
      throw new IllegalArgumentException("perMinute must be positive: " + perMinute);
    }
    this.perMinute = perMinute;
    this.clock = clock;
    this.recent =
        Caffeine.newBuilder()
            .maximumSize(maxPeople)
            .expireAfterAccess(WINDOW)
            // Expiry follows the same clock as the window (tests move it); maintenance runs on the
            // caller's thread.
            .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
            .executor(Runnable::run)
            .build();
  }

  /** Takes one slot for this person; when none is free, returns how long until one is. */
  public Optional<Duration> tryAcquire(long userId) {
    Instant now = clock.instant();
    Deque<Instant> times = recent.get(userId, id -> new ArrayDeque<>());
    synchronized (times) {
      while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) {
        times.pollFirst();
      }
      if (times.size() >= perMinute) {
        return Optional.of(Duration.between(now, times.peekFirst().plus(WINDOW)));
      }
      times.addLast(now);
      return Optional.empty();
    }
  }

  public int perMinute() {
    return perMinute;
  }

  /** How many people's windows are kept now (after dropping the expired ones). */
  long trackedPeople() {
    recent.cleanUp();
    return recent.estimatedSize();
  }

  /** The friendly refusal shown when the limit is hit. */
  public String refusal(Duration wait) {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    return "Whoa, you're quick! You can have "
        + perMinute
        + " answers graded per minute. "
        + "Take a breath and try again in "
        + seconds
        + " second"
        + (seconds == 1 ? "" : "s")
        + ".";
  }
}
