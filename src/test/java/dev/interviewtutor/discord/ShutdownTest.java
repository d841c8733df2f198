package dev.interviewtutor.discord;

import static dev.interviewtutor.discord.BotHarness.WAIT;
import static dev.interviewtutor.discord.QuizFlowTest.answerThroughModal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interviewtutor.discord.fake.FakeDiscord;
import dev.interviewtutor.discord.fake.FakeUser;
import dev.interviewtutor.discord.fake.RecordedRequest;
import dev.interviewtutor.discord.fake.SentInteraction;
import dev.interviewtutor.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Graceful stop: refuse new interactions, finish grades in flight, close the database, exit 0 on SIGTERM. */
class ShutdownTest {
  static final FakeUser ADA = FakeUser.member(701, "ada");

  @TempDir Path dir;

  @Test
  void closing_refuses_new_interactions_but_delivers_the_grade_in_flight() throws Exception {
    GatedGrader grader = new GatedGrader();
    try (BotHarness h = BotHarness.start(dir, grader, Map.of())) {
      SentInteraction quiz = h.fake.slashCommand(ADA, "quiz");
      h.fake.awaitCallback(quiz, WAIT);
      SentInteraction submit = answerThroughModal(h.fake, ADA, h.fake.originalMessage(quiz), QuizFlowTest.GOOD_71);
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
      assertTrue(h.fake.requests().stream().anyMatch(r -> r.path().startsWith(submit.webhookPath())
          && r.text().contains("Score")), "the grade in flight was delivered before JDA shut down");
    }
  }

  @Test
  void sigterm_finishes_the_grade_in_flight_closes_the_database_and_exits_0() throws Exception {
    try (FakeDiscord fake = FakeDiscord.start(BotHarness.TOKEN)) {
      Map<String, String> env = BotHarness.env(fake, dir);
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
          BotProcessMain.class.getName());
      pb.environment().putAll(env);
      Path log = dir.resolve("bot.log");
      pb.redirectErrorStream(true).redirectOutput(log.toFile());
      Process bot = pb.start();
      try {
        fake.await("command registration", r -> r.is("PUT", "applications/"), Duration.ofSeconds(60));
        SentInteraction quiz = fake.slashCommand(ADA, "quiz");
        fake.awaitCallback(quiz, WAIT);
        SentInteraction submit = answerThroughModal(fake, ADA, fake.originalMessage(quiz), QuizFlowTest.GOOD_71);
        assertEquals(5, fake.awaitCallback(submit, WAIT).body().path("type").asInt());

        bot.destroy(); // SIGTERM
        assertTrue(bot.waitFor(60, TimeUnit.SECONDS), "the bot stopped");
        assertEquals(0, bot.exitValue(), "graceful stop exits 0; log:\n" + Files.readString(log));
        assertTrue(fake.requests().stream().anyMatch(r -> r.path().startsWith(submit.webhookPath())
            && r.text().contains("Score")), "the grade in flight was delivered; log:\n" + Files.readString(log));
      } finally {
        bot.destroyForcibly();
      }
      try (Database db = Database.open(dir.resolve("tutor.db"))) {
        assertEquals("ok", db.integrityCheck());
        int attempts = db.read(c -> {
          try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM attempts")) {
            rs.next();
            return rs.getInt(1);
          }
        });
        assertEquals(1, attempts, "the graded answer was recorded before the database closed");
      }
    }
  }
}
