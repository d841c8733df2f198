package dev.interviewtutor.discord;

import static dev.interviewtutor.discord.BotHarness.WAIT;
import static dev.interviewtutor.discord.QuizFlowTest.answerThroughModal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interviewtutor.discord.fake.FakeDiscord;
import dev.interviewtutor.discord.fake.FakeUser;
import dev.interviewtutor.discord.fake.RecordedRequest;
import dev.interviewtutor.discord.fake.SentInteraction;
import dev.interviewtutor.store.Database;
import dev.interviewtutor.store.Person;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import net.dv8tion.jda.api.JDA;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Graceful stop: refuse new interactions, finish grades in flight, close the database, exit 0 on
 * SIGTERM.
 */
class ShutdownTest {
  static final FakeUser ADA = FakeUser.member(701, "ada");

  @TempDir Path dir;

  @Test
  void closing_refuses_new_interactions_but_delivers_the_grade_in_flight() throws Exception {
    GatedGrader grader = new GatedGrader();
    try (BotHarness h = BotHarness.start(dir, grader, Map.of())) {
      SentInteraction quiz = h.fake.slashCommand(ADA, "quiz");
      h.fake.awaitCallback(quiz, WAIT);
      SentInteraction submit =
          answerThroughModal(h.fake, ADA, h.fake.originalMessage(quiz), QuizFlowTest.GOOD_71);
      h.fake.awaitCallback(submit, WAIT);
      assertTrue(grader.awaitStarted(WAIT));

      CompletableFuture<Void> closing = CompletableFuture.runAsync(h.bot::close);
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (h.bot.router().isAccepting() && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      SentInteraction late = h.fake.slashCommand(ADA, "quiz");
      RecordedRequest refused = h.fake.awaitCallback(late, WAIT);
      assertTrue(refused.text().contains("restarting"), refused.text());

      grader.release();
      closing.get(30, TimeUnit.SECONDS);
      RecordedRequest grade =
          h.fake.requests().stream()
              .filter(r -> r.path().startsWith(submit.webhookPath()) && r.text().contains("Score"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("the grade in flight was never delivered"));
      // Ordering, not speed: the stop waits for Discord's answer to the grade before it shuts JDA
      // down, and JDA's shutdown is what closes the gateway connection.
      long gatewayClosed =
          h.fake.gatewayClosedAtNanos().stream()
              .reduce((first, last) -> last)
              .orElseThrow(() -> new AssertionError("the bot never closed its gateway"));
      assertTrue(
          grade.atNanos() < gatewayClosed,
          "the grade in flight was delivered before JDA began to shut down");
    }
  }

  @Test
  void messages_held_back_by_a_rate_limit_as_the_stop_begins_are_still_sent() throws Exception {
    try (BotHarness h = BotHarness.start(dir, FixedGrader.fast(), Map.of())) {
      // GIVEN messages JDA holds back because Discord answered 429 (retry in 1 s): queued, on no
      // request thread, when the stop begins
      h.fake.enforceGlobalRateLimit(1);
      var channel = h.bot.jda().getTextChannelById(FakeDiscord.TEXT_CHANNEL_ID);
      channel.sendMessage("first words").queue();
      h.fake.await("the first message", r -> r.text().contains("first words"), WAIT);
      channel.sendMessage("second words").queue();
      awaitCondition("Discord refused the second message", () -> h.fake.rateLimited() > 0);
      channel.sendMessage("last words").queue();

      // WHEN the bot stops
      h.bot.close();

      // THEN the shard sent them while closing: the threads its requests run on were still there
      for (String words : new String[] {"second words", "last words"}) {
        assertTrue(
            h.fake.requests().stream()
                .anyMatch(r -> r.is("POST", "channels/") && r.text().contains(words)),
            "'" + words + "' was sent before the shards closed");
      }
    }
  }

  @Test
  void a_grade_ready_before_discord_confirmed_the_acknowledgement_is_delivered_before_jda_stops()
      throws Exception {
    GatedGrader grader = new GatedGrader();
    try (BotHarness h = BotHarness.start(dir, grader, Map.of())) {
      SentInteraction quiz = h.fake.slashCommand(ADA, "quiz");
      h.fake.awaitCallback(quiz, WAIT);
      JsonNode question = h.fake.originalMessage(quiz);
      SentInteraction click =
          h.fake.clickButton(ADA, question, QuizFlowTest.button(question, "answer"));
      String modalId =
          h.fake.awaitCallback(click, WAIT).body().path("data").path("custom_id").asText();

      // GIVEN Discord is slow to confirm the acknowledgement of an answer being graded
      Runnable confirm = h.fake.holdCallbacks();
      SentInteraction submit =
          h.fake.submitModal(
              ADA,
              question.path("channel_id").asLong(),
              modalId,
              Map.of("answer", QuizFlowTest.GOOD_71));
      assertTrue(grader.awaitStarted(WAIT));

      // WHEN the bot stops, the grade is ready before the bot may edit its reply (JDA parks the
      // edit in the
      // interaction hook until the confirmation arrives), and Discord confirms only once the stop
      // got past the
      // grading: JDA is shutting down, or the stop still waits although the grade has been recorded
      Thread closing = new Thread(h.bot::close, "test-close");
      closing.start();
      awaitCondition("the stop has begun", () -> !h.bot.router().isAccepting());
      grader.release();
      awaitCondition(
          "the stop got past the grading",
          () -> {
            JDA.Status status = h.bot.jda().getStatus();
            return status == JDA.Status.SHUTTING_DOWN
                || status == JDA.Status.SHUTDOWN
                || (answersRecorded(h) == 1 && h.bot.context().grading().inFlight() > 0);
          });
      confirm.run();
      closing.join(Duration.ofSeconds(60).toMillis());
      assertFalse(closing.isAlive(), "close() finished");

      // THEN the grade still reached Discord: the stop waited for the acknowledgement, not only for
      // the grading
      assertTrue(
          h.fake.requests().stream()
              .anyMatch(
                  r -> r.path().startsWith(submit.webhookPath()) && r.text().contains("Score")),
          "the grade was delivered before JDA shut down");
    }
  }

  private static int answersRecorded(BotHarness h) {
    var practice = h.bot.context().services().practice();
    return practice
        .findPerson(Person.discordKey(ADA.id()))
        .map(p -> practice.stats(p).answers())
        .orElse(0);
  }

  /**
   * Polls a state of the bot (not a timer): returns as soon as it holds, fails after {@link
   * BotHarness#WAIT}.
   */
  private static void awaitCondition(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      LockSupport.parkNanos(1_000_000);
    }
  }

  @Test
  void sigterm_with_a_grade_stuck_past_the_drain_time_exits_non_zero() throws Exception {
    try (FakeDiscord fake = FakeDiscord.start(BotHarness.TOKEN)) {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      ProcessBuilder pb =
          new ProcessBuilder(
              java,
              "-cp",
              System.getProperty("java.class.path"),
              BotProcessMain.class.getName(),
              "stuck");
      pb.environment().putAll(BotHarness.env(fake, dir));
      Path log = dir.resolve("bot.log");
      pb.redirectErrorStream(true).redirectOutput(log.toFile());
      Process bot = pb.start();
      try {
        fake.await(
            "command registration", r -> r.is("PUT", "applications/"), Duration.ofSeconds(60));
        SentInteraction quiz = fake.slashCommand(ADA, "quiz");
        SentInteraction submit =
            answerThroughModal(fake, ADA, fake.originalMessage(quiz), QuizFlowTest.GOOD_71);
        assertEquals(5, fake.awaitCallback(submit, WAIT).body().path("type").asInt());

        bot.destroy(); // SIGTERM while the grade can't finish
        assertTrue(bot.waitFor(60, TimeUnit.SECONDS), "the bot stopped");
        assertEquals(
            BotLauncher.EXIT_UNCLEAN_STOP,
            bot.exitValue(),
            "a stop that cut work off is not a success; log:\n" + Files.readString(log));
      } finally {
        bot.destroyForcibly();
      }
    }
  }

  @Test
  void sigterm_finishes_the_grade_in_flight_closes_the_database_and_exits_0() throws Exception {
    try (FakeDiscord fake = FakeDiscord.start(BotHarness.TOKEN)) {
      Map<String, String> env = BotHarness.env(fake, dir);
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      ProcessBuilder pb =
          new ProcessBuilder(
              java, "-cp", System.getProperty("java.class.path"), BotProcessMain.class.getName());
      pb.environment().putAll(env);
      Path log = dir.resolve("bot.log");
      pb.redirectErrorStream(true).redirectOutput(log.toFile());
      Process bot = pb.start();
      try {
        fake.await(
            "command registration", r -> r.is("PUT", "applications/"), Duration.ofSeconds(60));
        SentInteraction quiz = fake.slashCommand(ADA, "quiz");
        fake.awaitCallback(quiz, WAIT);
        SentInteraction submit =
            answerThroughModal(fake, ADA, fake.originalMessage(quiz), QuizFlowTest.GOOD_71);
        assertEquals(5, fake.awaitCallback(submit, WAIT).body().path("type").asInt());

        bot.destroy(); // SIGTERM
        assertTrue(bot.waitFor(60, TimeUnit.SECONDS), "the bot stopped");
        assertEquals(0, bot.exitValue(), "graceful stop exits 0; log:\n" + Files.readString(log));
        assertTrue(
            fake.requests().stream()
                .anyMatch(
                    r -> r.path().startsWith(submit.webhookPath()) && r.text().contains("Score")),
            "the grade in flight was delivered; log:\n" + Files.readString(log));
      } finally {
        bot.destroyForcibly();
      }
      try (Database db = Database.open(dir.resolve("tutor.db"))) {
        assertEquals("ok", db.integrityCheck());
        int attempts =
            db.read(
                c -> {
                  try (ResultSet rs =
                      c.createStatement().executeQuery("SELECT COUNT(*) FROM attempts")) {
                    rs.next();
                    return rs.getInt(1);
                  }
                });
        assertEquals(1, attempts, "the graded answer was recorded before the database closed");
      }
    }
  }
}
