package dev.interviewtutor.discord;

import static dev.interviewtutor.discord.BotHarness.WAIT;
import static dev.interviewtutor.discord.QuizFlowTest.answerThroughModal;
import static dev.interviewtutor.discord.QuizFlowTest.button;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interviewtutor.discord.fake.FakeUser;
import dev.interviewtutor.discord.fake.Payloads;
import dev.interviewtutor.discord.fake.SentInteraction;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The /quiz hint cap lives in the database: a restart between Hint and Answer keeps it. */
class QuizHintRestartTest {
  static final FakeUser ADA = FakeUser.member(511, "ada");

  @TempDir Path dir;

  @Test
  void a_hint_shown_before_a_restart_still_caps_the_answer_after_it() throws Exception {
    try (BotHarness h = BotHarness.start(dir, FixedGrader.fast(), Map.of())) {
      SentInteraction quiz = h.fake.slashCommand(ADA, "quiz", Payloads.option("question", "71"));
      h.fake.awaitCallback(quiz, WAIT);
      JsonNode question = h.fake.originalMessage(quiz);
      SentInteraction hint = h.fake.clickButton(ADA, question, button(question, "hint"));
      assertTrue(h.fake.awaitCallback(hint, WAIT).text().contains("Hint 1"));

      h.restartBot();
      assertEquals(2, h.fake.gatewayConnections(), "a new JDA session logged in");

      SentInteraction second = h.fake.clickButton(ADA, question, button(question, "hint"));
      String secondHint = h.fake.awaitCallback(second, WAIT).text();
      assertTrue(
          secondHint.contains("Hint 2"), "the count carried over the restart: " + secondHint);

      h.restartBot();
      SentInteraction submit = answerThroughModal(h.fake, ADA, question, QuizFlowTest.GOOD_71);
      String graded = h.fake.awaitWebhook(submit, WAIT).text();
      assertTrue(graded.contains("Score 70/100"), "capped after the restart: " + graded);
      assertTrue(graded.contains("Capped at 70 because a hint was used"), graded);

      SentInteraction again = answerThroughModal(h.fake, ADA, question, QuizFlowTest.GOOD_71);
      String fresh = h.fake.awaitWebhook(again, WAIT).text();
      assertTrue(fresh.contains("Score 100/100"), "the hints were used up by the answer: " + fresh);
    }
  }
}
