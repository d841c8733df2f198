package dev.interviewtutor.discord;

import dev.interviewtutor.config.TutorConfig;
import dev.interviewtutor.discord.fake.FakeDiscord;
import dev.interviewtutor.grading.Grader;
import dev.interviewtutor.knowledge.BankLoader;
import dev.interviewtutor.knowledge.QuestionBank;
import dev.interviewtutor.knowledge.QuestionRubrics;
import dev.interviewtutor.practice.MutableClock;
import dev.interviewtutor.practice.PracticeService;
import dev.interviewtutor.store.Database;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A fake Discord plus the real bot logged in to it, with a test bank and a database in a temp
 * directory.
 */
final class BotHarness implements AutoCloseable {
  static final String TOKEN = "test-token-abc";
  static final Duration WAIT = Duration.ofSeconds(15);

  final FakeDiscord fake;
  final Path dir;
  final Map<String, String> env;
  final Function<TutorConfig, BotServices> services;

  /** The practice engine's clock; tests move it forward a day to make reviews due. */
  final MutableClock clock;

  TutorBot bot;

  private BotHarness(
      FakeDiscord fake,
      Path dir,
      Map<String, String> env,
      MutableClock clock,
      Function<TutorConfig, BotServices> services) {
    this.clock = clock;
    this.fake = fake;
    this.dir = dir;
    this.env = env;
    this.services = services;
  }

  static Path testBankDir() {
    try {
      return Path.of(BotHarness.class.getResource("/discord-bank/nodejs.md").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static QuestionBank testBank() {
    return BankLoader.load(testBankDir());
  }

  /** The real practice engine over a real SQLite file (the config's TUTOR_DB). */
  static BotServices services(TutorConfig config, Grader grader) {
    return services(config, grader, Clock.systemUTC());
  }

  static BotServices services(TutorConfig config, Grader grader, Clock clock) {
    Database db = Database.open(config.db());
    PracticeService practice =
        new PracticeService(testBank(), QuestionRubrics::of, grader, db, clock);
    return new BotServices(practice, clock, List.of(db));
  }

  static Map<String, String> env(FakeDiscord fake, Path dir) {
    Map<String, String> env = new HashMap<>();
    env.put("DISCORD_TOKEN", TOKEN);
    env.put("DISCORD_REST_URL", fake.restUrl());
    env.put("DISCORD_GATEWAY_URL", fake.gatewayUrl());
    env.put("DISCORD_GUILD_ID", Long.toString(FakeDiscord.GUILD_ID));
    env.put("TUTOR_DB", dir.resolve("tutor.db").toString());
    env.put("TUTOR_KNOWLEDGE", testBankDir().toString());
    return env;
  }

  /**
   * Starts the fake and the bot; {@code extraEnv} overrides settings (e.g.
   * TUTOR_ANSWERS_PER_MINUTE).
   */
  static BotHarness start(Path dir, Grader grader, Map<String, String> extraEnv) throws Exception {
    FakeDiscord fake = FakeDiscord.start(TOKEN);
    Map<String, String> env = env(fake, dir);
    env.putAll(extraEnv);
    MutableClock clock = new MutableClock(java.time.Instant.now());
    BotHarness harness =
        new BotHarness(fake, dir, env, clock, config -> services(config, grader, clock));
    harness.startBot();
    return harness;
  }

  /**
   * Starts the fake and the bot with services built from the configuration (e.g. the production
   * wiring).
   */
  static BotHarness startWith(
      Path dir, Map<String, String> extraEnv, Function<TutorConfig, BotServices> services)
      throws Exception {
    FakeDiscord fake = FakeDiscord.start(TOKEN);
    Map<String, String> env = env(fake, dir);
    env.putAll(extraEnv);
    BotHarness harness =
        new BotHarness(fake, dir, env, new MutableClock(java.time.Instant.now()), services);
    try {
      harness.startBot();
    } catch (Exception | Error e) {
      harness.close();
      throw e;
    }
    return harness;
  }

  TutorConfig config() {
    return TutorConfig.fromEnvironment(env);
  }

  void startBot() throws InterruptedException {
    TutorConfig config = config();
    bot = TutorBot.start(config, services.apply(config), false);
  }

  /** Stops the bot gracefully and starts a new one (a new JDA) on the same database. */
  void restartBot() throws InterruptedException {
    bot.close();
    startBot();
  }

  @Override
  public void close() {
    try {
      if (bot != null) {
        bot.close();
      }
    } finally {
      fake.close();
    }
  }
}
