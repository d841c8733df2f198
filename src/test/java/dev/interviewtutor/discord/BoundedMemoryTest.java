package dev.interviewtutor.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interviewtutor.practice.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** What the bot keeps in memory per person is bounded in size and in age. */
class BoundedMemoryTest {

  @Test
  void the_rate_limiter_forgets_people_idle_for_a_minute_and_keeps_at_most_its_maximum() {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    AnswerRateLimiter limiter = new AnswerRateLimiter(6, clock, 500);
    for (long user = 1; user <= 2_000; user++) {
      assertTrue(limiter.tryAcquire(user).isEmpty());
    }
    assertTrue(limiter.trackedPeople() <= 500, "bounded: " + limiter.trackedPeople());

    clock.advance(Duration.ofSeconds(61));
    assertEquals(0, limiter.trackedPeople(), "idle windows are dropped");
  }

  @Test
  void the_rate_limit_still_holds_for_someone_answering_fast() {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    AnswerRateLimiter limiter = new AnswerRateLimiter(2, clock, 500);
    assertTrue(limiter.tryAcquire(7).isEmpty());
    assertTrue(limiter.tryAcquire(7).isEmpty());
    assertTrue(limiter.tryAcquire(7).isPresent(), "the third in a minute waits");
    clock.advance(Duration.ofSeconds(61));
    assertTrue(limiter.tryAcquire(7).isEmpty(), "a minute later it is free again");
  }

  @Test
  void pending_follow_ups_expire_after_a_day_and_are_bounded() {
    AtomicLong nanos = new AtomicLong();
    ConcurrentMap<Long, String> pending = PendingFollowUps.map(nanos::get);
    for (long session = 1; session <= PendingFollowUps.MAX_PENDING + 1_000; session++) {
      pending.put(session, "follow-up " + session);
    }
    assertTrue(pending.size() <= PendingFollowUps.MAX_PENDING, "bounded: " + pending.size());

    nanos.addAndGet(PendingFollowUps.TTL.plusSeconds(1).toNanos());
    assertTrue(pending.values().stream().findAny().isEmpty(), "expired after a day");
    assertEquals(null, pending.get(PendingFollowUps.MAX_PENDING));
  }
}
