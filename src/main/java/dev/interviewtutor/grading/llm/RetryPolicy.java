package dev.interviewtutor.grading.llm;

import java.time.Duration;

/**
 * Bounded retries with exponential backoff, for HTTP 429 and 5xx answers only (a timeout is not
 * retried: the learner has already waited the whole timeout once).
 *
 * @param maxAttempts attempts in all, at least 1
 * @param initialBackoff the wait before the second attempt; doubled before each later one
 * @param maxBackoff the longest single wait
 * @param sleeper how to wait (tests pass a recording one)
 */
public record RetryPolicy(
    int maxAttempts, Duration initialBackoff, Duration maxBackoff, Sleeper sleeper) {

  /** Waits between attempts. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  public static final Sleeper THREAD_SLEEP = d -> Thread.sleep(d.toMillis());

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1: " + maxAttempts);
    }
  }

  /** Three attempts, waiting 0.5 s then 1 s. */
  public static RetryPolicy standard() {
    return new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(4), THREAD_SLEEP);
  }

  /** The wait before attempt {@code attempt} (2, 3, ...). */
  public Duration backoffBefore(int attempt) {
    long factor = 1L << Math.min(20, Math.max(0, attempt - 2));
    Duration wait = initialBackoff.multipliedBy(factor);
    return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
  }
}
