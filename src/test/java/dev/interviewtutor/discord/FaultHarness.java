package dev.interviewtutor.discord;

import dev.interviewtutor.config.TutorConfig;
import dev.interviewtutor.discord.fake.FakeDiscord;
import dev.interviewtutor.grading.Grade;
import dev.interviewtutor.grading.Grader;
import dev.interviewtutor.grading.KnowledgeSearch;
import dev.interviewtutor.knowledge.QuestionRubrics;
import dev.interviewtutor.knowledge.Rubric;
import dev.interviewtutor.practice.MutableClock;
import dev.interviewtutor.practice.PracticeService;
import dev.interviewtutor.store.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real bot on the fake Discord with faults a test switches on: a grader that throws, an explain
 * search whose model fails to load, and the database file write-locked by another connection (as
 * another program holding it would). The database waits {@code busyTimeout} for a lock before
 * giving up.
 */
final class FaultHarness implements AutoCloseable {
  final FakeDiscord fake;
  final Path file;
  final Database db;
  final PracticeService practice;
  final MutableClock clock = new MutableClock(Instant.parse("2026-03-27T12:00:00Z"));
  final DailyPublisher publisher;
  final TutorBot bot;

  /** While true, grading throws (a bug or a grader failure in the background work). */
  volatile boolean gradingFails;

  FaultHarness(Path dir, Duration busyTimeout, Map<String, String> extraEnv) throws Exception {
    fake = FakeDiscord.start(BotHarness.TOKEN);
    file = dir.resolve("tutor.db");
    db = Database.open(file, busyTimeout);
    Grader fast = FixedGrader.fast();
    Grader faulty =
        new Grader() {
          @Override
          public Grade grade(Rubric rubric, String answer) {
            if (gradingFails) {
              throw new IllegalStateException("grader failed on \"" + answer + "\"");
            }
            return fast.grade(rubric, answer);
          }

          @Override
          public String name() {
            return "faulty-test";
          }
        };
    practice = new PracticeService(BotHarness.testBank(), QuestionRubrics::of, faulty, db, clock);
    publisher = new DailyPublisher(practice);
    KnowledgeSearch brokenSearch =
        new KnowledgeSearch(
            practice.bank(),
            () -> {
              throw new IllegalStateException("embedding model missing");
            });
    var env = BotHarness.env(fake, dir);
    env.putAll(extraEnv);
    TutorBot started = null;
    try {
      started =
          TutorBot.start(
              TutorConfig.fromEnvironment(env),
              new BotServices(practice, clock, List.of()),
              false,
              ctx -> {
                List<SlashCommand> all =
                    new ArrayList<>(
                        List.of(
                            new QuizCommand(ctx),
                            new InterviewCommand(ctx),
                            new ReviewCommand(ctx)));
                all.addAll(StudyCommands.all(ctx, practice, brokenSearch, publisher));
                return all;
              });
    } catch (Exception | Error e) {
      fake.close();
      db.close();
      throw e;
    }
    bot = started;
  }

  /** Another connection takes the database's write lock until the returned handle is closed. */
  WriteLock lockForWriting() throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
    try (Statement s = c.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
    }
    return new WriteLock(c);
  }

  /** A held write lock; closing it rolls back and lets the bot write again. */
  record WriteLock(Connection connection) implements AutoCloseable {
    @Override
    public void close() throws SQLException {
      try (Statement s = connection.createStatement()) {
        s.execute("ROLLBACK");
      } finally {
        connection.close();
      }
    }
  }

  @Override
  public void close() {
    try {
      bot.close();
    } finally {
      fake.close();
      db.close();
    }
  }
}
