package dev.interviewtutor.discord;

import dev.interviewtutor.config.TutorConfig;
import dev.interviewtutor.discord.fake.FakeDiscord;
import dev.interviewtutor.knowledge.BankLoader;
import dev.interviewtutor.knowledge.QuestionRubrics;
import dev.interviewtutor.practice.MutableClock;
import dev.interviewtutor.practice.PracticeService;
import dev.interviewtutor.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The real bot on the loopback fake with two servers, a knowledge directory of its own (two test
 * banks, re-read by {@code /tutoradmin reload}) and a fast fixed grader: the set-up of the tests of
 * servers' own banks.
 */
final class ServerBanksBot implements AutoCloseable {
  final FakeDiscord fake;
  final TutorBot bot;
  final PracticeService practice;
  final Path knowledge;

  private ServerBanksBot(FakeDiscord fake, TutorBot bot, PracticeService practice, Path knowledge) {
    this.fake = fake;
    this.bot = bot;
    this.practice = practice;
    this.knowledge = knowledge;
  }

  static ServerBanksBot start(Path dir) throws Exception {
    FakeDiscord fake = FakeDiscord.startWithTwoServers(BotHarness.TOKEN);
    try {
      Path knowledge = Files.createDirectories(dir.resolve("knowledge"));
      for (String file : List.of("nodejs.md", "memory.md")) {
        Files.copy(BotHarness.testBankDir().resolve(file), knowledge.resolve(file));
      }
      Map<String, String> env = BotHarness.env(fake, dir);
      env.put("TUTOR_KNOWLEDGE", knowledge.toString());
      TutorConfig config = TutorConfig.fromEnvironment(env);
      MutableClock clock = new MutableClock(Instant.now());
      Database db = Database.open(config.db());
      var bank = BankLoader.load(knowledge);
      PracticeService practice =
          new PracticeService(
              bank, QuestionRubrics.builderFor(bank), FixedGrader.fast(), db, clock);
      TutorBot bot =
          TutorBot.start(
              config,
              new BotServices(practice, clock, List.of(db), () -> BankLoader.load(knowledge)),
              false);
      return new ServerBanksBot(fake, bot, practice, knowledge);
    } catch (Exception | Error e) {
      fake.close();
      throw e;
    }
  }

  @Override
  public void close() {
    try {
      bot.close();
    } finally {
      fake.close();
    }
  }
}
