package dev.interviewtutor.discord;

import dev.interviewtutor.config.TutorConfig;
import dev.interviewtutor.discord.fake.FakeDiscord;
import dev.interviewtutor.discord.fake.RecordedRequest;
import dev.interviewtutor.knowledge.QuestionBank;
import dev.interviewtutor.knowledge.QuestionRubrics;
import dev.interviewtutor.practice.MutableClock;
import dev.interviewtutor.practice.PracticeService;
import dev.interviewtutor.store.Database;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The fake Discord, the real bot with the study-group commands, a practice engine on a SQLite file
 * in a temp directory, a clock the test moves, and a daily scheduler the test ticks by hand.
 */
final class StudyHarness implements AutoCloseable {
  final FakeDiscord fake;
  final Map<String, String> env;
  final MutableClock clock;
  final Database db;
  final PracticeService practice;
  final DailyPublisher publisher;
  TutorBot bot;
  DailyQuizScheduler scheduler;

  private StudyHarness(Path dir, Instant now) throws Exception {
    fake = FakeDiscord.start(BotHarness.TOKEN);
    env = BotHarness.env(fake, dir);
    clock = new MutableClock(now);
    QuestionBank bank = BotHarness.testBank();
    db = Database.open(dir.resolve("tutor.db"));
    practice = new PracticeService(bank, QuestionRubrics::of, FixedGrader.fast(), db, clock);
    publisher = new DailyPublisher(practice);
  }

  static StudyHarness start(Path dir, Instant now) throws Exception {
    StudyHarness h = new StudyHarness(dir, now);
    try {
      h.startBot();
    } catch (Exception | Error e) {
      h.close();
      throw e;
    }
    return h;
  }

  void startBot() throws InterruptedException {
    TutorConfig config = TutorConfig.fromEnvironment(env);
    BotServices services = new BotServices(practice, clock, List.of());
    bot = TutorBot.start(config, services, false);
    scheduler = new DailyQuizScheduler(practice.daily(), publisher, bot.shards(), clock);
  }

  /** The bot goes down (graceful stop); the database stays. */
  void stopBot() {
    scheduler.close();
    bot.close();
  }

  /** Requests with exactly this method and path. */
  List<RecordedRequest> exactly(String method, String path) {
    return fake.requests().stream()
        .filter(r -> r.method().equals(method) && r.path().equals(path))
        .toList();
  }

  /** Messages the bot posted in the server's text channel (not thread creation, not edits). */
  List<RecordedRequest> channelPosts() {
    return exactly("POST", "channels/" + FakeDiscord.TEXT_CHANNEL_ID + "/messages");
  }

  static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + BotHarness.WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(20);
    }
  }

  @Override
  public void close() {
    try {
      if (scheduler != null) {
        scheduler.close();
      }
      if (bot != null) {
        bot.close();
      }
    } finally {
      fake.close();
      db.close();
    }
  }
}
