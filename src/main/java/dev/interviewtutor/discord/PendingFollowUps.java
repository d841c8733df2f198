package dev.interviewtutor.discord;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.interviewtutor.grading.llm.FollowUp;
import dev.interviewtutor.practice.InterviewTurn;
import dev.interviewtutor.store.Person;
import dev.interviewtutor.store.Scope;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentMap;

/**
 * Follow-ups waiting for a reply, one per interview session, held in memory: bounded, and forgotten
 * after a day. After a restart they are gone, and their buttons say so (the interview itself had
 * already moved on).
 */
final class PendingFollowUps {
  /**
   * At most this many follow-ups wait at once; the oldest beyond it expire (their buttons say so).
   */
  static final long MAX_PENDING = 10_000;

  /** A follow-up nobody answered within this long expires. */
  static final Duration TTL = Duration.ofDays(1);

  /**
   * A follow-up asked after the answer at {@code position}, and the turn to show once it is done;
   * whose it is (Discord user, scope), so a plain reply finds it even when that answer ended the
   * interview.
   */
  record Pending(
      long sessionId,
      int position,
      FollowUp followUp,
      InterviewTurn turn,
      long userId,
      long scopeId) {}

  private final ConcurrentMap<Long, Pending> bySession = map(Ticker.systemTicker());

  /** The map behind it: bounded in size and age ({@code ticker} lets a test move time). */
  static <V> ConcurrentMap<Long, V> map(Ticker ticker) {
    Cache<Long, V> cache =
        Caffeine.newBuilder()
            .maximumSize(MAX_PENDING)
            .expireAfterWrite(TTL)
            .ticker(ticker)
            .executor(Runnable::run)
            .build();
    return cache.asMap();
  }

  /**
   * The follow-up waiting in this session after the answer at {@code position}, if it is still
   * waiting.
   */
  Optional<Pending> at(long sessionId, int position) {
    Pending waiting = bySession.get(sessionId);
    return waiting == null || waiting.position() != position
        ? Optional.empty()
        : Optional.of(waiting);
  }

  Optional<Pending> of(long sessionId) {
    return Optional.ofNullable(bySession.get(sessionId));
  }

  /**
   * The person's follow-up in this scope, whatever its session (one whose answer ended the
   * interview).
   */
  Optional<Pending> of(long userId, Scope scope) {
    return bySession.values().stream()
        .filter(p -> p.userId() == userId && p.scopeId() == scope.id())
        .findFirst();
  }

  /**
   * Waits for a reply to {@code turn}'s follow-up; any other follow-up of this person here is
   * dropped.
   */
  void await(long sessionId, int position, InterviewTurn turn, long userId, Scope scope) {
    bySession.values().removeIf(p -> p.userId() == userId && p.scopeId() == scope.id());
    bySession.put(
        sessionId,
        new Pending(sessionId, position, turn.followUp().orElseThrow(), turn, userId, scope.id()));
  }

  /** The session moved on: any follow-up still waiting in it is over. */
  void drop(long sessionId) {
    bySession.remove(sessionId);
  }

  /**
   * Takes {@code waiting} off the list; false when it was already taken (answered or skipped
   * meanwhile).
   */
  boolean take(Pending waiting) {
    return bySession.remove(waiting.sessionId(), waiting);
  }

  /**
   * A pending follow-up quotes the person's answer (its turn, its grade): it goes with forget-me.
   */
  void forget(Person person) {
    bySession.values().removeIf(p -> Person.discordKey(p.userId()).equals(person.key()));
  }
}
