package dev.interviewtutor.discord;

import static dev.interviewtutor.discord.BotHarness.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interviewtutor.discord.fake.FakeUser;
import dev.interviewtutor.discord.fake.Payloads;
import dev.interviewtutor.discord.fake.SentInteraction;
import dev.interviewtutor.store.Person;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command acknowledges before it touches the database: with the database file write-locked by
 * another program (every write waits), the acknowledgement still reaches Discord; the work finishes
 * once the lock goes.
 */
class AckFirstTest {
  static final FakeUser ADA = FakeUser.member(811, "Ada");

  /** Long enough that a write waits for the test to release the lock rather than failing. */
  static final Duration PATIENT = Duration.ofSeconds(60);

  @TempDir Path dir;

  @Test
  void quiz_is_acknowledged_while_the_database_is_locked() throws Exception {
    try (FaultHarness h = new FaultHarness(dir, PATIENT, Map.of())) {
      SentInteraction quiz;
      try (FaultHarness.WriteLock lock = h.lockForWriting()) {
        quiz = h.fake.slashCommand(ADA, "quiz");
        assertEquals(
            5,
            h.fake.awaitCallback(quiz, WAIT).body().path("type").asInt(),
            "deferred before the work");
      }
      assertTrue(h.fake.awaitWebhook(quiz, WAIT).text().contains("Quiz for Ada"));
    }
  }

  @Test
  void interview_start_is_acknowledged_before_its_writes() throws Exception {
    try (FaultHarness h = new FaultHarness(dir, PATIENT, Map.of())) {
      SentInteraction start;
      try (FaultHarness.WriteLock lock = h.lockForWriting()) {
        start = h.fake.slashCommand(ADA, "interview", Payloads.subcommand("start"));
        assertEquals(
            5,
            h.fake.awaitCallback(start, WAIT).body().path("type").asInt(),
            "deferred before the work");
      }
      String ready = h.fake.awaitWebhook(start, WAIT).text();
      assertTrue(ready.contains("Your interview is ready"), ready);
    }
  }

  @Test
  void forget_me_acknowledges_the_click_before_deleting() throws Exception {
    try (FaultHarness h = new FaultHarness(dir, PATIENT, Map.of())) {
      SentInteraction quiz = h.fake.slashCommand(ADA, "quiz");
      h.fake.originalMessage(quiz); // ADA now exists
      SentInteraction forget = h.fake.slashCommand(ADA, "forget-me");
      JsonNode confirm = h.fake.replyMessage(forget, WAIT);
      SentInteraction yes;
      try (FaultHarness.WriteLock lock = h.lockForWriting()) {
        yes = h.fake.clickButton(ADA, confirm, "v1:forget-me:" + ADA.id() + ":confirm");
        assertEquals(
            6,
            h.fake.awaitCallback(yes, WAIT).body().path("type").asInt(),
            "the click is acknowledged");
      }
      String done = h.fake.awaitWebhook(yes, WAIT).text();
      assertTrue(done.contains("deleted everything"), done);
      assertTrue(h.practice.findPerson(Person.discordKey(ADA.id())).isEmpty());
    }
  }

  @Test
  void quiz_with_a_named_question_answers_with_the_question_itself_while_the_database_is_locked()
      throws Exception {
    try (FaultHarness h = new FaultHarness(dir, PATIENT, Map.of())) {
      try (FaultHarness.WriteLock lock = h.lockForWriting()) {
        SentInteraction quiz = h.fake.slashCommand(ADA, "quiz", Payloads.option("question", "71"));

        JsonNode callback = h.fake.awaitCallback(quiz, WAIT).body();

        assertEquals(
            4, callback.path("type").asInt(), "a reply, not a deferral to edit later: " + callback);
        assertTrue(
            callback.at("/data/embeds/0/title").asText().startsWith("Q71."), callback.toString());
        assertEquals(0, callback.at("/data/flags").asInt() & 64, "public, as before");
      }
    }
  }
}
