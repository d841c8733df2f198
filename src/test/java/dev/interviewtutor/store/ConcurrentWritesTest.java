package dev.interviewtutor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interviewtutor.knowledge.Question;
import dev.interviewtutor.knowledge.QuestionBank;
import dev.interviewtutor.practice.AnswerResult;
import dev.interviewtutor.practice.KeywordTestGrader;
import dev.interviewtutor.practice.MutableClock;
import dev.interviewtutor.practice.Period;
import dev.interviewtutor.practice.PracticeService;
import dev.interviewtutor.practice.TestBank;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * 32 threads × 200 graded answers through the real engine on one database (an SQLite file, a
 * PostgreSQL server): nothing lost, nothing counted twice.
 */
class ConcurrentWritesTest {
  static final int THREADS = 32;
  static final int PER_THREAD = 200;
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Backend.class)
  void thirty_two_threads_record_exactly_what_they_answered(Backend backend) throws Exception {
    QuestionBank bank = TestBank.bank(6, 4);
    MutableClock clock = new MutableClock(Instant.parse("2026-05-05T10:00:00Z"));
    try (Database db = TestDatabases.open(backend, dir)) {
      PracticeService service =
          new PracticeService(bank, TestBank::rubric, new KeywordTestGrader(), db, clock);
      Scope scope = service.scope(ScopeKind.GUILD, "1", "g");
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      List<Future<int[]>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  Person p = service.person("discord:" + thread, "P" + thread, ZoneId.of("UTC"));
                  int scoreSum = 0;
                  int expectedPoints = 0;
                  int pointsReported = 0;
                  Set<String> seen = new HashSet<>();
                  for (int i = 0; i < PER_THREAD; i++) {
                    Question q = bank.questions().get((i * 7 + thread) % bank.questions().size());
                    String answer = TestBank.answerCovering(q.id(), (i % 3) + 1);
                    AnswerResult r = service.answer(p, scope, q, answer, AttemptKind.PRACTICE, 0);
                    scoreSum += r.score();
                    pointsReported += r.points();
                    if (seen.add(q.id())) {
                      expectedPoints +=
                          r.score(); // the first answer to a question on this day counts
                    }
                  }
                  return new int[] {scoreSum, expectedPoints, pointsReported};
                }));
      }
      long scoreSum = 0;
      long expectedPoints = 0;
      long reportedPoints = 0;
      for (Future<int[]> f : futures) {
        int[] r = f.get(5, TimeUnit.MINUTES);
        scoreSum += r[0];
        expectedPoints += r[1];
        reportedPoints += r[2];
      }
      pool.shutdown();

      long attempts = db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM attempts"));
      long storedScores = db.read(c -> Sql.count(c, "SELECT SUM(score) FROM attempts"));
      long storedPoints = db.read(c -> Sql.count(c, "SELECT SUM(points) FROM attempts"));
      long boardAnswers =
          db.read(
              c ->
                  Sql.count(
                      c,
                      "SELECT SUM(answers) FROM board_points WHERE period = 'all' AND topic = ''"));
      long boardPoints =
          db.read(
              c ->
                  Sql.count(
                      c,
                      "SELECT SUM(points) FROM board_points WHERE period = 'all' AND topic = ''"));
      assertEquals((long) THREADS * PER_THREAD, attempts);
      assertEquals(scoreSum, storedScores);
      assertEquals(expectedPoints, reportedPoints);
      assertEquals(expectedPoints, storedPoints);
      assertEquals(attempts, boardAnswers);
      assertEquals(storedPoints, boardPoints);
      assertEquals(THREADS, service.leaderboard(scope, Period.ALL, null, 0, 100, null).total());
      assertTrue(storedPoints > 0);
      assertEquals("ok", db.integrityCheck());
    }
  }
}
