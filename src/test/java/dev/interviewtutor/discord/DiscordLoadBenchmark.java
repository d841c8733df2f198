package dev.interviewtutor.discord;

import static dev.interviewtutor.discord.QuizFlowTest.button;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.interviewtutor.config.TutorConfig;
import dev.interviewtutor.discord.fake.FakeDiscord;
import dev.interviewtutor.discord.fake.FakeUser;
import dev.interviewtutor.discord.fake.Payloads;
import dev.interviewtutor.discord.fake.RecordedRequest;
import dev.interviewtutor.discord.fake.SentInteraction;
import dev.interviewtutor.grading.Grader;
import dev.interviewtutor.grading.OfflineGrader;
import dev.interviewtutor.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load benchmark, off by default: 200 members run /quiz, click Answer and submit an answer all at
 * once through the fake Discord, against the real bot, the real practice engine on SQLite and the
 * offline grader. Checks that nothing is lost (every interaction acknowledged, every answer graded
 * and recorded) and writes the acknowledgement latencies to docs/discord-benchmark.md. Never
 * asserts timings.
 *
 * <p>Run: {@code mvn -q -B -o test -Dtest=DiscordLoadBenchmark -Dbench=discord}
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "bench", matches = "discord")
class DiscordLoadBenchmark {
  static final int MEMBERS = Integer.getInteger("bench.members", 200);
  static final Duration WAIT = Duration.ofMinutes(5);

  /**
   * Unmeasured /quiz per bot first: as many as are measured, so the first bot is not measured with
   * a cold JIT.
   */
  static final int WARM_UP = Integer.getInteger("bench.warmUp", MEMBERS);

  static final String ANSWER =
      "Node scales out with clustering: several processes on one machine, a load balancer "
          + "in front, more machines for horizontal scaling, and stateless APIs so any instance can serve a request.";

  @TempDir Path dir;

  @Test
  void two_hundred_members_answer_at_once() throws Exception {
    Grader grader = OfflineGrader.withDefaultModel();
    grader.grade(
        dev.interviewtutor.knowledge.QuestionRubrics.of(
            BotHarness.testBank().find("71").orElseThrow()),
        "warm up the model");
    try (FakeDiscord fake = FakeDiscord.start(BotHarness.TOKEN)) {
      Map<String, String> env = new HashMap<>(BotHarness.env(fake, dir));
      env.put("TUTOR_ANSWERS_PER_MINUTE", "10");
      TutorConfig config = TutorConfig.fromEnvironment(env);
      List<FakeUser> members = new ArrayList<>();
      for (int i = 0; i < MEMBERS; i++) {
        members.add(FakeUser.member(10_000 + i, "member" + i));
      }
      // The do-nothing bot runs right before and right after the tutor, so that a change in the
      // machine's load
      // during the run weighs on both sides of the comparison.
      // A first do-nothing round, not counted: the JVM's first JDA session runs with a cold JIT
      // (JDA, Jackson,
      // OkHttp), which would make whichever bot comes first look slow.
      baseline(fake, config, members, "jvm-warm-up");
      double[] baselineBefore = baseline(fake, config, members, "before");
      Function<TutorConfig, BotServices> services = c -> BotHarness.services(c, grader);
      TutorBot bot = TutorBot.start(config, services.apply(config), false);
      try {
        warmUp(fake);
        long start = System.nanoTime();
        List<SentInteraction> quizzes = new ArrayList<>();
        for (FakeUser m : members) {
          quizzes.add(fake.slashCommand(m, "quiz", Payloads.option("question", "71")));
        }
        double[] quizAck = acks(fake, quizzes);

        List<SentInteraction> clicks = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
          var question = fake.originalMessage(quizzes.get(i));
          clicks.add(fake.clickButton(members.get(i), question, button(question, "answer")));
        }
        double[] clickAck = acks(fake, clicks);

        List<SentInteraction> submits = new ArrayList<>();
        long submitStart = System.nanoTime();
        for (int i = 0; i < MEMBERS; i++) {
          String modalId =
              fake.awaitCallback(clicks.get(i), WAIT)
                  .body()
                  .path("data")
                  .path("custom_id")
                  .asText();
          submits.add(
              fake.submitModal(
                  members.get(i), FakeDiscord.TEXT_CHANNEL_ID, modalId, Map.of("answer", ANSWER)));
        }
        double[] submitAck = acks(fake, submits);
        double[] graded = new double[MEMBERS];
        for (int i = 0; i < MEMBERS; i++) {
          SentInteraction s = submits.get(i);
          RecordedRequest result =
              fake.await(
                  "graded result " + i,
                  r -> r.path().startsWith(s.webhookPath()) && r.text().contains("Score"),
                  WAIT);
          graded[i] = (result.atNanos() - s.sentNanos()) / 1e6;
        }
        double allGradedSeconds = (System.nanoTime() - submitStart) / 1e9;
        double totalSeconds = (System.nanoTime() - start) / 1e9;

        long deferred =
            submits.stream()
                .filter(s -> fake.awaitCallback(s, WAIT).body().path("type").asInt() == 5)
                .count();
        assertEquals(
            MEMBERS, deferred, "every answer was acknowledged with a deferral, none refused");
        bot.close();
        try (Database db = Database.open(dir.resolve("tutor.db"))) {
          int attempts =
              db.read(
                  c -> {
                    try (ResultSet rs =
                        c.createStatement().executeQuery("SELECT COUNT(*) FROM attempts")) {
                      rs.next();
                      return rs.getInt(1);
                    }
                  });
          assertEquals(MEMBERS, attempts, "every answer recorded once");
        }
        double[] baselineAfter = baseline(fake, config, members, "after");
        write(
            quizAck,
            clickAck,
            submitAck,
            graded,
            baselineBefore,
            baselineAfter,
            allGradedSeconds,
            totalSeconds,
            grader.name());
      } finally {
        bot.close();
      }
    }
  }

  /**
   * The same members run /quiz against a bot that does nothing but acknowledge (a new JDA on the
   * same fake, after the tutor stopped): what acknowledging costs here without any of the tutor's
   * work.
   */
  private double[] baseline(
      FakeDiscord fake, TutorConfig config, List<FakeUser> members, String when) throws Exception {
    SlashCommand ackOnly =
        new SlashCommand() {
          @Override
          public String name() {
            return "quiz";
          }

          @Override
          public SlashCommandData definition() {
            return Commands.slash("quiz", "baseline");
          }

          @Override
          public void onSlash(SlashCommandInteractionEvent event) {
            event.deferReply().queue();
          }
        };
    TutorConfig baselineConfig =
        TutorConfig.fromEnvironment(
            Map.of(
                "DISCORD_TOKEN",
                BotHarness.TOKEN,
                "DISCORD_REST_URL",
                fake.restUrl(),
                "DISCORD_GATEWAY_URL",
                fake.gatewayUrl(),
                "DISCORD_GUILD_ID",
                Long.toString(FakeDiscord.GUILD_ID),
                "TUTOR_DB",
                dir.resolve("baseline-" + when + ".db").toString(),
                "TUTOR_KNOWLEDGE",
                config.knowledgeDir().toString()));
    TutorBot baseline =
        TutorBot.start(
            baselineConfig,
            BotHarness.services(baselineConfig, FixedGrader.fast()),
            false,
            ctx -> List.of(ackOnly));
    try {
      warmUp(fake);
      List<SentInteraction> quizzes = new ArrayList<>();
      for (FakeUser m : members) {
        quizzes.add(fake.slashCommand(m, "quiz", Payloads.option("question", "71")));
      }
      return acks(fake, quizzes);
    } finally {
      baseline.close();
    }
  }

  /**
   * A first round of /quiz not measured, so neither bot is measured with cold JIT-compiled paths.
   */
  private static void warmUp(FakeDiscord fake) {
    List<SentInteraction> warm = new ArrayList<>();
    for (int i = 0; i < WARM_UP; i++) {
      warm.add(
          fake.slashCommand(
              FakeUser.member(90_000 + i, "warm" + i), "quiz", Payloads.option("question", "71")));
    }
    acks(fake, warm);
  }

  private static double[] acks(FakeDiscord fake, List<SentInteraction> sent) {
    double[] ms = new double[sent.size()];
    for (int i = 0; i < sent.size(); i++) {
      RecordedRequest ack = fake.awaitCallback(sent.get(i), WAIT);
      ms[i] = (ack.atNanos() - sent.get(i).sentNanos()) / 1e6;
    }
    return ms;
  }

  private static long late(double[] ms) {
    return Arrays.stream(ms).filter(v -> v > 3000).count();
  }

  static double percentile(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static String row(String what, double[] ms) {
    return String.format(
        Locale.ROOT,
        "| %s | %d | %.1f | %.1f | %.1f |%n",
        what,
        ms.length,
        percentile(ms, 50),
        percentile(ms, 99),
        percentile(ms, 100));
  }

  private void write(
      double[] quiz,
      double[] click,
      double[] submit,
      double[] graded,
      double[] before,
      double[] after,
      double allGradedSeconds,
      double totalSeconds,
      String graderName)
      throws IOException {
    double[] baseline =
        java.util.stream.DoubleStream.concat(Arrays.stream(before), Arrays.stream(after)).toArray();
    String machine =
        Runtime.getRuntime().availableProcessors()
            + " cores, "
            + System.getProperty("os.name")
            + " "
            + System.getProperty("os.arch")
            + ", Java "
            + System.getProperty("java.version")
            + ", max heap "
            + Runtime.getRuntime().maxMemory() / (1024 * 1024)
            + " MB, load average "
            + String.format(
                java.util.Locale.ROOT,
                "%.1f",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage())
            + " at the end (1 minute, includes this run)";
    String md =
        "# Discord load benchmark\n\n"
            + "Generated by `DiscordLoadBenchmark` on "
            + Instant.now()
            + ".\n\n"
            + "Command: `mvn -q -B -o test -Dtest=DiscordLoadBenchmark -Dbench=discord` (off in the normal build).\n\n"
            + "Machine: "
            + machine
            + ". The machine is shared with other builds, so numbers vary between runs.\n\n"
            + "Setup: the real JDA client logged in to the loopback fake Discord (REST + gateway on 127.0.0.1), the real "
            + "practice engine on a SQLite file, grader `"
            + graderName
            + "`. "
            + MEMBERS
            + " members each run "
            + "`/quiz`, click Answer (the modal opens) and submit an answer; each phase is sent all at once over the "
            + "gateway. Latency is measured from the moment the fake sends INTERACTION_CREATE to the moment the bot's "
            + "REST call arrives at the fake. Each bot first gets "
            + WARM_UP
            + " unmeasured `/quiz` (JIT warm-up), and "
            + "an unmeasured do-nothing round opens the run (the JVM's first JDA session).\n\n"
            + "Nothing lost: all "
            + (3 * MEMBERS)
            + " interactions acknowledged, all "
            + MEMBERS
            + " answers deferred, graded, delivered and recorded once (checked by the benchmark).\n\n"
            + "| interaction | n | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|\n"
            + row("/quiz question: → the question (ack)", quiz)
            + row("Answer button → modal (ack)", click)
            + row("modal submit → defer (ack)", submit)
            + row("modal submit → graded result edit", graded)
            + row(
                "baseline before the tutor: /quiz → deferral from a bot that does nothing else",
                before)
            + row("baseline after the tutor: the same", after)
            + row("baseline, both rounds", baseline)
            + String.format(
                Locale.ROOT,
                "%nAll %d answers graded and delivered %.2f s after the first submit; whole run "
                    + "%.2f s. Discord's limit is 3 s to acknowledge; grading runs after the acknowledgement on a pool of "
                    + "%d threads.%n",
                MEMBERS,
                allGradedSeconds,
                totalSeconds,
                Math.max(2, Runtime.getRuntime().availableProcessors()))
            + String.format(
                Locale.ROOT,
                "%nBaseline: right before the tutor started and again after it stopped, a "
                    + "second bot (the same JDA setup and router, one `/quiz` command that only defers) logged in to the same "
                    + "fake, and the same %d members ran `/quiz` at once. The tutor's /quiz ack p50 is %.2f× and p99 %.2f× "
                    + "the baseline's (both rounds together) in this run (p99 %.2f× the round before, %.2f× the round after); "
                    + "acks over 3 s: tutor %d, baseline %d. The tutor "
                    + "answers `/quiz question:` with the question itself (no database work is needed for a named question), "
                    + "one REST call like the baseline's deferral.%n",
                MEMBERS,
                percentile(quiz, 50) / percentile(baseline, 50),
                percentile(quiz, 99) / percentile(baseline, 99),
                percentile(quiz, 99) / percentile(before, 99),
                percentile(quiz, 99) / percentile(after, 99),
                late(quiz),
                late(baseline));
    Path docs = Path.of(System.getProperty("user.dir"), "docs");
    Files.createDirectories(docs);
    Files.writeString(docs.resolve("discord-benchmark.md"), md);
    System.out.println(md);
  }
}
