package dev.interviewtutor.discord;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Spaces REST requests at least {@code interval} apart across every thread that shares it: each
 * request takes the next free slot and waits for it. The daily posting queue sends each of its
 * requests through one, so a busy minute goes out at a steady rate under Discord's global limit
 * instead of in bursts that are answered 429 and retried.
 */
final class RequestPace {
  /** No spacing: for a member's own {@code /daily now}, which sends a handful of requests. */
  static final RequestPace NONE = new RequestPace(0);

  private final long intervalNanos;

  /** The slot the next request gets, in {@link System#nanoTime()}; guarded by {@code this}. */
  private long next = System.nanoTime();

  private RequestPace(long intervalNanos) {
    this.intervalNanos = intervalNanos;
  }

  static RequestPace perSecond(double requestsPerSecond) {
    return new RequestPace((long) (TimeUnit.SECONDS.toNanos(1) / requestsPerSecond));
  }

  Duration interval() {
    return Duration.ofNanos(intervalNanos);
  }

  /**
   * Waits for this request's slot. Interrupted, it returns at once with the thread's interrupt flag
   * set (the request that follows then fails, and its post waits for the next tick).
   */
  void await() {
    if (intervalNanos == 0) {
      return;
    }
    long slot;
    synchronized (this) {
      slot = Math.max(next, System.nanoTime());
      next = slot + intervalNanos;
    }
    long left;
    while ((left = slot - System.nanoTime()) > 0) {
      LockSupport.parkNanos(left);
      if (Thread.currentThread().isInterrupted()) {
        return;
      }
    }
  }
}
