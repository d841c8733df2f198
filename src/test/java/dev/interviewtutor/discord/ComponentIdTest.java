package dev.interviewtutor.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interviewtutor.practice.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ComponentIdTest {
  @Test
  void round_trips_version_owner_action_and_args() {
    ComponentId id = ComponentId.of("quiz", -1L, "answer", "74", "3");
    String raw = id.encode();
    assertEquals("v1:quiz:18446744073709551615:answer:74:3", raw, "owner printed unsigned");
    assertEquals(Optional.of(id), ComponentId.decode(raw));
    assertEquals("74", ComponentId.decode(raw).orElseThrow().arg(0));
    assertEquals("", id.arg(5));
  }

  @Test
  void older_versions_decode_but_are_not_current_and_junk_does_not_decode() {
    ComponentId old = ComponentId.decode("v0:quiz:5:answer").orElseThrow();
    assertFalse(old.isCurrentVersion());
    assertTrue(ComponentId.decode("hello").isEmpty());
    assertTrue(ComponentId.decode("v1:quiz:notanumber:answer").isEmpty());
  }

  @Test
  void refuses_separators_in_parts_and_ids_over_discords_limit() {
    assertThrows(IllegalArgumentException.class, () -> ComponentId.of("quiz", 1, "answer", "a:b"));
    assertThrows(
        IllegalArgumentException.class,
        () -> ComponentId.of("quiz", 1, "answer", "x".repeat(100)).encode());
  }

  @Test
  void rate_limiter_allows_the_configured_answers_per_minute_then_says_how_long_to_wait() {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    AnswerRateLimiter limiter = new AnswerRateLimiter(2, clock);
    assertTrue(limiter.tryAcquire(7).isEmpty());
    clock.advance(Duration.ofSeconds(10));
    assertTrue(limiter.tryAcquire(7).isEmpty());
    assertTrue(limiter.tryAcquire(8).isEmpty(), "another person has their own budget");
    Duration wait = limiter.tryAcquire(7).orElseThrow();
    assertEquals(Duration.ofSeconds(50), wait);
    assertTrue(limiter.refusal(wait).contains("50 seconds"), limiter.refusal(wait));
    clock.advance(Duration.ofSeconds(51));
    assertTrue(limiter.tryAcquire(7).isEmpty(), "the oldest answer left the window");
  }

  @Test
  void limits_truncate_without_breaking_surrogates_and_never_leave_a_field_empty() {
    assertEquals(1024, Limits.field("x".repeat(5000)).length());
    assertEquals("—", Limits.field("  "));
    String emoji = "a" + "😀".repeat(30);
    String cut = Limits.fit(emoji, 10);
    assertTrue(cut.length() <= 10 && !Character.isHighSurrogate(cut.charAt(cut.length() - 2)), cut);
  }
}
