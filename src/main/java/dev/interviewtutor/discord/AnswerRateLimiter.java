package dev.interviewtutor.discord;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A sliding one-minute window of graded answers per person, so one person cannot monopolise the grader. */
public final class AnswerRateLimiter {
  private static final Duration WINDOW = Duration.ofMinutes(1);
  private final int perMinute;
  private final Clock clock;
  private final Map<Long, Deque<Instant>> recent = new ConcurrentHashMap<>();

  public AnswerRateLimiter(int perMinute, Clock clock) {
    if (perMinute <= 0) {
      throw new IllegalArgumentException("perMinute must be positive: " + perMinute);
    }
    this.perMinute = perMinute;
    this.clock = clock;
  }

  /** Takes one slot for this person; when none is free, returns how long until one is. */
  public Optional<Duration> tryAcquire(long userId) {
    Instant now = clock.instant();
    Deque<Instant> times = recent.computeIfAbsent(userId, id -> new ArrayDeque<>());
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

  /** The friendly refusal shown when the limit is hit. */
  public String refusal(Duration wait) {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    return "Whoa, you're quick! You can have " + perMinute + " answers graded per minute. "
        + "Take a breath and try again in " + seconds + " second" + (seconds == 1 ? "" : "s") + ".";
  }
}
