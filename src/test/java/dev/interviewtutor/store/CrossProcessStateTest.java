package dev.interviewtutor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interviewtutor.grading.llm.DailyCallBudget;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * State that must hold across processes and restarts lives in the database: two {@link Database}
 * instances on the same database stand for two processes (they share nothing in memory), a reopened
 * one for a restart.
 */
class CrossProcessStateTest {
  private static final Instant T0 = Instant.parse("2026-05-05T10:00:00Z");
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Backend.class)
  void the_answer_rate_limit_is_shared_by_every_process(Backend backend) {
    DatabaseTarget target = TestDatabases.newTarget(backend, dir);
    try (Database one = Database.open(target);
        Database two = Database.open(target)) {
      RateLimitRepository a = new RateLimitRepository(one);
      RateLimitRepository b = new RateLimitRepository(two);
      assertEquals(Optional.empty(), a.tryAcquire("discord:1", T0, 3));
      assertEquals(Optional.empty(), b.tryAcquire("discord:1", T0.plusSeconds(10), 3));
      assertEquals(Optional.empty(), a.tryAcquire("discord:1", T0.plusSeconds(20), 3));

      assertEquals(
          Optional.of(Duration.ofSeconds(30)),
          b.tryAcquire("discord:1", T0.plusSeconds(30), 3),
          "the fourth answer in a minute waits until the first leaves the window, whichever process took it");
      assertEquals(
          Optional.empty(),
          b.tryAcquire("discord:2", T0.plusSeconds(30), 3),
          "others are not limited");
      assertEquals(
          Optional.empty(),
          a.tryAcquire("discord:1", T0.plusSeconds(60), 3),
          "a slot is free again");
    }
    try (Database restarted = Database.open(target)) {
      assertTrue(
          new RateLimitRepository(restarted)
              .tryAcquire("discord:1", T0.plusSeconds(61), 3)
              .isPresent(),
          "a restart does not reset the window");
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void the_llm_daily_budget_is_shared_by_every_process_and_survives_a_restart(Backend backend) {
    DatabaseTarget target = TestDatabases.newTarget(backend, dir);
    LocalDate day = LocalDate.of(2026, 5, 5);
    try (Database one = Database.open(target);
        Database two = Database.open(target)) {
      LlmBudgetRepository a = new LlmBudgetRepository(one);
      LlmBudgetRepository b = new LlmBudgetRepository(two);
      assertTrue(a.tryConsume("guild:1", day, 3));
      assertTrue(b.tryConsume("guild:1", day, 3));
      assertTrue(a.tryConsume("guild:1", day, 3));
      assertFalse(b.tryConsume("guild:1", day, 3), "three calls in all, not three per process");
      assertFalse(a.tryConsume("guild:1", day, 3));
      assertEquals(3, a.used("guild:1", day), "a refused call takes nothing");
      assertTrue(a.tryConsume("guild:2", day, 3), "each scope has its own budget");
      assertTrue(b.tryConsume("guild:1", day.plusDays(1), 3), "a new day starts a new budget");
    }
    try (Database restarted = Database.open(target)) {
      assertFalse(
          new LlmBudgetRepository(restarted).tryConsume("guild:1", day, 3),
          "a restart does not reset it");
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void the_llm_client_budget_counted_in_the_database_holds_across_processes(Backend backend) {
    DatabaseTarget target = TestDatabases.newTarget(backend, dir);
    Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    try (Database one = Database.open(target);
        Database two = Database.open(target)) {
      DailyCallBudget a = new DailyCallBudget(2, clock).countedIn(new LlmBudgetRepository(one));
      DailyCallBudget b = new DailyCallBudget(2, clock).countedIn(new LlmBudgetRepository(two));
      assertTrue(a.tryAcquire("terminal:local"));
      assertEquals(1, b.remaining("terminal:local"));
      assertTrue(b.tryAcquire("terminal:local"));
      assertFalse(a.tryAcquire("terminal:local"));
      assertEquals(0, a.remaining("terminal:local"));
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void a_pending_follow_up_survives_a_restart_and_is_taken_once(Backend backend) {
    DatabaseTarget target = TestDatabases.newTarget(backend, dir);
    long person;
    long scope;
    long session;
    try (Database db = Database.open(target)) {
      person =
          db.write(c -> PeopleRepository.upsert(c, "discord:1", "A", ZoneId.of("UTC"), 0)).id();
      scope = db.write(c -> PeopleRepository.upsertScope(c, ScopeKind.DM, "1", "")).id();
      long s1 =
          db.write(c -> InterviewRepository.create(c, person, scope, "", List.of("71", "72"), 0));
      session = db.write(c -> InterviewRepository.create(c, person, scope, "", List.of("73"), 1));
      db.writeVoid(
          c ->
              FollowUpRepository.replace(
                  c, new FollowUpRepository.Pending(s1, person, scope, 0, "{}", 5)));
      db.writeVoid(
          c ->
              FollowUpRepository.replace(
                  c,
                  new FollowUpRepository.Pending(
                      session, person, scope, 0, "{\"question\":\"and the event loop?\"}", 6)));
      assertTrue(
          db.read(c -> FollowUpRepository.of(c, s1)).isEmpty(),
          "one pending follow-up per person and scope");
    }
    try (Database one = Database.open(target);
        Database two = Database.open(target)) {
      FollowUpRepository.Pending pending =
          one.read(c -> FollowUpRepository.forPerson(c, person, scope)).get(0);
      assertEquals("{\"question\":\"and the event loop?\"}", pending.payload());
      assertEquals(session, pending.sessionId());
      assertTrue((boolean) one.write(c -> FollowUpRepository.take(c, pending)));
      assertFalse(
          (boolean) two.write(c -> FollowUpRepository.take(c, pending)),
          "the reply is graded once");

      one.writeVoid(
          c ->
              FollowUpRepository.replace(
                  c, new FollowUpRepository.Pending(session, person, scope, 0, "{}", 7)));
      one.writeVoid(c -> PeopleRepository.deleteEverything(c, person));
      assertEquals(
          List.of(),
          two.read(c -> FollowUpRepository.forPerson(c, person, null)),
          "forget-me removes it");
    }
  }
}
