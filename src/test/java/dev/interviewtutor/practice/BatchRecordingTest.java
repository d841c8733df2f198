package dev.interviewtutor.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interviewtutor.UserFacingException;
import dev.interviewtutor.knowledge.Question;
import dev.interviewtutor.knowledge.QuestionBank;
import dev.interviewtutor.practice.PracticeService.GradedAnswer;
import dev.interviewtutor.store.AttemptKind;
import dev.interviewtutor.store.AttemptRepository;
import dev.interviewtutor.store.Database;
import dev.interviewtutor.store.Person;
import dev.interviewtutor.store.Scope;
import dev.interviewtutor.store.ScopeKind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recording many answers in one transaction (recordAll) follows exactly the rules of recording them
 * one at a time: no-farming inside the batch, streaks, reviews, boards, attempt ids.
 */
class BatchRecordingTest {
  @TempDir Path dir;

  private static final QuestionBank BANK = TestBank.bank(4, 3);
  private static final KeywordTestGrader GRADER = new KeywordTestGrader();

  /**
   * The same answers (repeats of a question on one day, several people, two days) on two databases.
   */
  @Test
  void one_batch_leaves_the_same_results_and_state_as_one_transaction_per_answer() {
    MutableClock clockA = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    MutableClock clockB = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    try (Database a = Database.open(dir.resolve("one-by-one.db"));
        Database b = Database.open(dir.resolve("batched.db"))) {
      PracticeService one = new PracticeService(BANK, TestBank::rubric, GRADER, a, clockA);
      PracticeService batched = new PracticeService(BANK, TestBank::rubric, GRADER, b, clockB);
      for (int day = 0; day < 2; day++) {
        List<GradedAnswer> answersA = answers(one);
        List<GradedAnswer> answersB = answers(batched);
        List<AnswerResult> sequential = new ArrayList<>();
        for (GradedAnswer ga : answersA) {
          sequential.addAll(one.recordAll(List.of(ga)));
        }
        List<AnswerResult> together = batched.recordAll(answersB);
        assertEquals(sequential, together, "day " + day);
        assertTrue(
            together.stream().anyMatch(r -> r.points() == 0),
            "a repeat in the batch earned nothing");
        assertTrue(together.stream().anyMatch(r -> r.points() > 0));
        clockA.advance(Duration.ofDays(1));
        clockB.advance(Duration.ofDays(1));
      }
      Scope scopeA = one.scope(ScopeKind.GUILD, "g", "G");
      Scope scopeB = batched.scope(ScopeKind.GUILD, "g", "G");
      for (int p = 0; p < 3; p++) {
        Person pa = one.findPerson("local:p" + p).orElseThrow();
        Person pb = batched.findPerson("local:p" + p).orElseThrow();
        assertEquals(one.stats(pa), batched.stats(pb));
        assertEquals(2, batched.stats(pb).currentStreak(), "two days in a row");
        for (Period period : Period.values()) {
          for (String topic : new String[] {null, BANK.topics().get(0)}) {
            assertEquals(
                one.leaderboard(scopeA, period, topic, 0, 10, pa),
                batched.leaderboard(scopeB, period, topic, 0, 10, pb));
          }
        }
        assertEquals(one.dueReviews(pa), batched.dueReviews(pb));
      }
      assertEquals(a.read(AttemptRepository::count), b.read(AttemptRepository::count));
    }
  }

  /** 3 people in different zones; each answers q0 twice, then q1, in interleaved order. */
  private static List<GradedAnswer> answers(PracticeService s) {
    Scope scope = s.scope(ScopeKind.GUILD, "g", "G");
    String[] zones = {"UTC", "Europe/Berlin", "America/New_York"};
    List<GradedAnswer> out = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      for (int p = 0; p < 3; p++) {
        Person person = s.person("local:p" + p, "P" + p, ZoneId.of(zones[p]));
        Question q = BANK.questions().get(round < 2 ? p : p + 3);
        String text = TestBank.answerCovering(q.id(), 1 + (round + p) % 3);
        out.add(
            new GradedAnswer(
                person,
                scope,
                q,
                text,
                GRADER.grade(TestBank.rubric(q), text),
                AttemptKind.PRACTICE,
                round == 1 && p == 2 ? 1 : 0));
      }
    }
    return out;
  }

  /**
   * Concurrent answers: a forgotten person's answer fails alone; everyone else's are all recorded.
   */
  @Test
  void concurrent_answers_are_all_recorded_and_a_bad_one_fails_alone() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    try (Database db = Database.open(dir.resolve("group.db"))) {
      PracticeService s = new PracticeService(BANK, TestBank::rubric, GRADER, db, clock);
      Scope scope = s.scope(ScopeKind.GUILD, "g", "G");
      int threads = 8;
      List<Person> people = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        people.add(s.person("local:t" + t, "T" + t));
      }
      // Created last so that its id is not handed to someone else after it is forgotten.
      Person gone = s.person("local:gone", "Gone");
      s.forget(gone);
      int each = 50;
      ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
      List<Future<Integer>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  Person p = people.get(thread);
                  int recorded = 0;
                  for (int i = 0; i < each; i++) {
                    Question q = BANK.questions().get(i % BANK.questions().size());
                    AnswerResult r =
                        s.answer(
                            p,
                            scope,
                            q,
                            TestBank.answerCovering(q.id(), 1),
                            AttemptKind.PRACTICE,
                            0);
                    recorded += r.attemptId() > 0 ? 1 : 0;
                  }
                  return recorded;
                }));
      }
      Future<Integer> failures =
          pool.submit(
              () -> {
                int failed = 0;
                for (int i = 0; i < 20; i++) {
                  Question q = BANK.questions().get(0);
                  UserFacingException e =
                      assertThrows(
                          UserFacingException.class,
                          () ->
                              s.answer(
                                  gone,
                                  scope,
                                  q,
                                  TestBank.answerCovering(q.id(), 1),
                                  AttemptKind.PRACTICE,
                                  0));
                  failed += e.getMessage().contains("local:gone") ? 1 : 0;
                }
                return failed;
              });
      int total = 0;
      for (Future<Integer> f : futures) {
        total += f.get(60, TimeUnit.SECONDS);
      }
      assertEquals(20, failures.get(60, TimeUnit.SECONDS));
      pool.shutdown();
      assertEquals(threads * each, total);
      assertEquals((long) threads * each, db.read(AttemptRepository::count));
      assertEquals("ok", db.integrityCheck());
    }
  }
}
