package dev.interviewtutor.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interviewtutor.store.Backend;
import dev.interviewtutor.store.Database;
import dev.interviewtutor.store.DatabaseTarget;
import dev.interviewtutor.store.Person;
import dev.interviewtutor.store.Scope;
import dev.interviewtutor.store.ScopeKind;
import dev.interviewtutor.store.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The claim on a scheduled daily post, in the database: of several processes that find the same
 * post due (two holding the same gateway shard during a rolling restart) exactly one sends it; one
 * that died is replaced after its lease, so no day is skipped. Two {@link PracticeService}s on
 * their own {@link Database} stand for two processes; they share nothing in memory.
 */
class DailyPublishingClaimTest {
  static final Duration LEASE = Duration.ofMinutes(10);
  @TempDir Path dir;
  final MutableClock clock = new MutableClock(Instant.parse("2026-05-05T09:30:00Z"));

  /**
   * Two processes on one database, with {@code servers} servers whose daily question is due now.
   */
  private final class TwoProcesses implements AutoCloseable {
    final Database dbA;
    final Database dbB;
    final PracticeService a;
    final PracticeService b;

    TwoProcesses(Backend backend, int servers) {
      DatabaseTarget target = TestDatabases.newTarget(backend, dir);
      dbA = Database.open(target);
      dbB = Database.open(target);
      a =
          new PracticeService(
              TestBank.bank(4, 2), TestBank::rubric, new KeywordTestGrader(), dbA, clock);
      b =
          new PracticeService(
              TestBank.bank(4, 2), TestBank::rubric, new KeywordTestGrader(), dbB, clock);
      Person admin = a.person("discord:1", "Admin");
      for (int i = 0; i < servers; i++) {
        Scope guild = a.scope(ScopeKind.GUILD, Long.toString(1000 + i), "Group " + i);
        a.daily().configure(guild, "c" + i, LocalTime.of(9, 0), ZoneOffset.UTC, admin);
      }
      // Set up yesterday, so today's 09:00 post is due now.
      clock.advance(Duration.ofDays(1));
    }

    List<DuePost> dueInA() {
      return a.daily().duePosts();
    }

    DuePost dueInB(DuePost inA) {
      return b.daily().duePosts().stream()
          .filter(d -> d.settings().scope().key().equals(inA.settings().scope().key()))
          .findFirst()
          .orElseThrow();
    }

    @Override
    public void close() {
      dbA.close();
      dbB.close();
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void only_one_of_two_processes_holds_a_due_post_and_the_holder_may_renew(Backend backend) {
    try (TwoProcesses p = new TwoProcesses(backend, 1)) {
      DuePost due = p.dueInA().get(0);
      assertTrue(p.a.daily().holdPublishing(due, "A", LEASE));
      assertFalse(
          p.b.daily().holdPublishing(p.dueInB(due), "B", LEASE),
          "the second process leaves it alone");
      assertTrue(p.a.daily().holdPublishing(due, "A", LEASE), "the holder renews its own claim");
      clock.advance(LEASE.minusSeconds(1));
      assertFalse(p.b.daily().holdPublishing(p.dueInB(due), "B", LEASE), "renewed: still A's");
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void a_holder_that_died_mid_post_is_replaced_after_its_lease_so_the_day_is_not_skipped(
      Backend backend) {
    try (TwoProcesses p = new TwoProcesses(backend, 1)) {
      DuePost due = p.dueInA().get(0);
      assertTrue(p.a.daily().holdPublishing(due, "A", LEASE));
      p.a.daily().claim(due); // A chose the question, then died before sending it

      clock.advance(LEASE.plusSeconds(1));
      DuePost stillDue = p.dueInB(due);
      assertTrue(p.b.daily().holdPublishing(stillDue, "B", LEASE), "B takes over the lapsed claim");
      assertFalse(p.a.daily().holdPublishing(due, "A", LEASE), "A, back, finds B's claim live");
      DailyPost post = p.b.daily().claim(stillDue);
      p.b.daily().delivered(post.id(), "m1");
      assertTrue(p.b.daily().duePosts().isEmpty(), "sent once; nothing is due any more");
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void a_post_given_up_is_free_at_once_and_only_its_holder_can_give_it_up(Backend backend) {
    try (TwoProcesses p = new TwoProcesses(backend, 1)) {
      DuePost due = p.dueInA().get(0);
      assertTrue(p.a.daily().holdPublishing(due, "A", LEASE));
      p.b.daily().releasePublishing(p.dueInB(due), "B");
      assertFalse(p.b.daily().holdPublishing(p.dueInB(due), "B", LEASE), "B cannot free A's claim");
      p.a.daily().releasePublishing(due, "A"); // Discord was unreachable: not sent
      assertTrue(
          p.b.daily().holdPublishing(p.dueInB(due), "B", LEASE),
          "the next tick anywhere may send it");
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void a_post_already_sent_is_not_held_again_from_a_stale_due_list(Backend backend) {
    try (TwoProcesses p = new TwoProcesses(backend, 1)) {
      DuePost due = p.dueInA().get(0);
      DuePost seenByB = p.dueInB(due); // B read the due list before A sent the post
      assertTrue(p.a.daily().holdPublishing(due, "A", LEASE));
      p.a.daily().delivered(p.a.daily().claim(due).id(), "m1");
      clock.advance(LEASE.plusMinutes(1)); // A's claim lapsed long ago
      assertFalse(
          p.b.daily().holdPublishing(seenByB, "B", LEASE), "B sees it was sent and leaves it");
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void processes_racing_for_many_posts_get_each_post_exactly_once(Backend backend)
      throws Exception {
    int servers = 12;
    int racersPerProcess = 4;
    try (TwoProcesses p = new TwoProcesses(backend, servers)) {
      List<DuePost> due = p.dueInA();
      assertEquals(servers, due.size());
      ExecutorService pool = Executors.newFixedThreadPool(2 * racersPerProcess);
      try {
        for (DuePost d : due) {
          DuePost inB = p.dueInB(d);
          CountDownLatch go = new CountDownLatch(1);
          List<Future<Boolean>> wins = new ArrayList<>();
          for (int r = 0; r < racersPerProcess; r++) {
            String holderA = "A" + r;
            String holderB = "B" + r;
            wins.add(
                pool.submit(
                    () -> {
                      go.await();
                      return p.a.daily().holdPublishing(d, holderA, LEASE);
                    }));
            wins.add(
                pool.submit(
                    () -> {
                      go.await();
                      return p.b.daily().holdPublishing(inB, holderB, LEASE);
                    }));
          }
          go.countDown();
          int held = 0;
          for (Future<Boolean> w : wins) {
            held += w.get() ? 1 : 0;
          }
          assertEquals(
              1,
              held,
              "exactly one of "
                  + wins.size()
                  + " racers holds server "
                  + d.settings().scope().key());
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void lapsed_claims_are_pruned_and_live_ones_kept(Backend backend) {
    try (TwoProcesses p = new TwoProcesses(backend, 2)) {
      List<DuePost> due = p.dueInA();
      assertTrue(p.a.daily().holdPublishing(due.get(0), "A", LEASE));
      clock.advance(Duration.ofMinutes(30));
      assertTrue(p.a.daily().holdPublishing(due.get(1), "A", LEASE));
      assertEquals(1, p.a.daily().pruneClaims(clock.instant()), "only the lapsed one");
      assertFalse(
          p.b.daily().holdPublishing(p.dueInB(due.get(1)), "B", LEASE), "the live one is kept");
    }
  }
}
