package dev.interviewtutor.discord;

import static dev.interviewtutor.discord.BotHarness.WAIT;
import static dev.interviewtutor.discord.InterviewFlowTest.awaitBotMessage;
import static dev.interviewtutor.discord.InterviewFlowTest.startInThread;
import static dev.interviewtutor.discord.QuizFlowTest.button;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interviewtutor.discord.fake.FakeUser;
import dev.interviewtutor.discord.fake.RecordedRequest;
import dev.interviewtutor.discord.fake.SentInteraction;
import dev.interviewtutor.grading.llm.GradeCache;
import dev.interviewtutor.grading.llm.LlmStub;
import dev.interviewtutor.store.Database;
import dev.interviewtutor.store.Sql;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot built by the production wiring ({@link BotWiring}) with an LLM configured (the loopback
 * OpenAI-compatible stub): after a partially correct interview answer it asks the LLM's follow-up,
 * takes the reply through the button and form or as a plain message, grades it against that key
 * point, then goes on.
 */
class InterviewFollowUpDiscordTest {
  static final FakeUser ADA = FakeUser.member(631, "ada");
  static final String PARTIAL_71 = "Node scales out. Clustering runs several Node processes.";
  static final String FOLLOW_UP_71 =
      "Put a load balancer in front, horizontal scaling with more machines and"
          + " stateless APIs, so clustering scales.";
  static final String PARTIAL_72 = "Worker threads run in parallel.";
  static final String FOLLOW_UP_72 = "CPU-intensive tasks like image processing and cryptography.";
  static final String LLM_QUESTION =
      "How would you spread incoming traffic over several copies of the app?";
  private static final Pattern KEY_POINT = Pattern.compile("- (kp\\d+): ");

  /**
   * Follow-up prompts get a question; grades: a follow-up reply covers its point, a first answer
   * two points.
   */
  static String respond(String body) {
    if (body.contains("Reply with the follow-up question only")) {
      return LLM_QUESTION;
    }
    Map<String, Object> points = new LinkedHashMap<>();
    Matcher m = KEY_POINT.matcher(body);
    boolean reply = body.contains(FOLLOW_UP_71) || body.contains(FOLLOW_UP_72);
    String answer =
        reply
            ? (body.contains(FOLLOW_UP_71) ? FOLLOW_UP_71 : FOLLOW_UP_72)
            : (body.contains(PARTIAL_71) ? PARTIAL_71 : PARTIAL_72);
    String quote = answer.substring(0, answer.length() - 1);
    while (m.find()) {
      boolean covered = reply || points.size() < 2;
      points.putIfAbsent(
          m.group(1), LlmStub.kp(m.group(1), covered ? "covered" : "missed", covered ? quote : ""));
    }
    return LlmStub.json(
        Map.of(
            "keyPoints",
            new ArrayList<>(points.values()),
            "misconceptions",
            List.of(),
            "score",
            reply ? 100 : 50,
            "feedback",
            reply ? "That covers it." : "A good start; say more."));
  }

  @TempDir Path dir;

  @Test
  void follow_ups_are_asked_and_answered_by_button_and_by_plain_message() throws Exception {
    try (LlmStub stub =
            LlmStub.start(LlmStub.Shape.OPENAI).respond(InterviewFollowUpDiscordTest::respond);
        BotHarness h =
            BotHarness.startWith(
                dir,
                Map.of(
                    "TUTOR_LLM_PROVIDER",
                    "openai",
                    "TUTOR_LLM_ROUTING",
                    "all",
                    "TUTOR_LLM_BASE_URL",
                    stub.baseUrl(),
                    "TUTOR_LLM_MODEL",
                    "stub-model"),
                config -> BotWiring.services(config, FixedGrader::fast, Clock.systemUTC()))) {
      long thread = startInThread(h.fake, ADA, 2);

      h.fake.postMessage(ADA, thread, PARTIAL_71);
      RecordedRequest asked =
          awaitBotMessage(h.fake, thread, "One follow-up before question 2 of 2");
      assertTrue(
          asked.text().contains("partially correct"), "the grade comes first: " + asked.text());
      assertTrue(asked.text().contains(LLM_QUESTION), "the LLM's follow-up: " + asked.text());
      assertFalse(asked.text().contains("Q72."), "the next question waits for the follow-up");

      JsonNode followUp = h.fake.messageContaining("One follow-up before question 2 of 2");
      SentInteraction click =
          h.fake.clickButton(ADA, followUp, button(followUp, "follow-up-answer"));
      RecordedRequest modal = h.fake.awaitCallback(click, WAIT);
      assertEquals(9, modal.body().path("type").asInt(), "a form opens: " + modal);
      SentInteraction submit =
          h.fake.submitModal(
              ADA,
              thread,
              modal.body().path("data").path("custom_id").asText(),
              Map.of("answer", FOLLOW_UP_71));
      assertEquals(
          5,
          h.fake.awaitCallback(submit, WAIT).body().path("type").asInt(),
          "deferred while grading");
      String graded = h.fake.awaitWebhook(submit, WAIT).text();
      assertTrue(
          graded.contains("Follow-up: 100/100"), "graded against the one key point: " + graded);
      assertTrue(
          graded.contains("Question 2 of 2") && graded.contains("Q72."),
          "then the next question: " + graded);

      SentInteraction again =
          h.fake.clickButton(ADA, followUp, button(followUp, "follow-up-answer"));
      assertTrue(
          h.fake.awaitCallback(again, WAIT).text().contains("That follow-up is over"),
          "answered once");

      h.fake.postMessage(ADA, thread, PARTIAL_72);
      awaitBotMessage(h.fake, thread, "One follow-up before your summary");
      h.fake.postMessage(ADA, thread, FOLLOW_UP_72);
      RecordedRequest end = awaitBotMessage(h.fake, thread, "Interview summary");
      assertTrue(
          end.text().contains("Follow-up: 100/100"),
          "the typed reply was the follow-up's: " + end.text());

      List<LlmStub.Recorded> requests = stub.requests();
      assertEquals(
          2,
          requests.stream()
              .filter(r -> r.body().contains("Reply with the follow-up question only"))
              .count(),
          "one follow-up per partial answer");
      assertTrue(
          requests.stream().anyMatch(r -> r.body().contains(FOLLOW_UP_72)),
          "replies graded by the LLM");
      try (Database db = Database.open(dir.resolve("tutor.db"))) {
        for (String answer : List.of(PARTIAL_71, FOLLOW_UP_71, PARTIAL_72, FOLLOW_UP_72)) {
          assertEquals(
              1L,
              (long)
                  db.read(
                      c ->
                          Sql.count(
                              c,
                              "SELECT COUNT(*) FROM llm_grade_cache WHERE" + " answer_hash = ?",
                              GradeCache.answerHash(answer))),
              "kept in the SQLite grade cache: " + answer);
        }
        assertEquals(
            2L,
            (long) db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM attempts")),
            "follow-up replies are not attempts");
      }
    }
  }

  @Test
  void a_follow_up_can_be_skipped() throws Exception {
    try (LlmStub stub =
            LlmStub.start(LlmStub.Shape.OPENAI).respond(InterviewFollowUpDiscordTest::respond);
        BotHarness h =
            BotHarness.startWith(
                dir,
                Map.of(
                    "TUTOR_LLM_PROVIDER",
                    "openai",
                    "TUTOR_LLM_ROUTING",
                    "all",
                    "TUTOR_LLM_BASE_URL",
                    stub.baseUrl()),
                config -> BotWiring.services(config, FixedGrader::fast, Clock.systemUTC()))) {
      long thread = startInThread(h.fake, ADA, 2);
      h.fake.postMessage(ADA, thread, PARTIAL_71);
      awaitBotMessage(h.fake, thread, "One follow-up before question 2 of 2");
      JsonNode followUp = h.fake.messageContaining("One follow-up before question 2 of 2");
      SentInteraction skip = h.fake.clickButton(ADA, followUp, button(followUp, "follow-up-skip"));
      String next = h.fake.awaitCallback(skip, WAIT).text();
      assertTrue(next.contains("Follow-up skipped.") && next.contains("Question 2 of 2"), next);

      SentInteraction stranger =
          h.fake.clickButton(
              FakeUser.member(632, "eve"), followUp, button(followUp, "follow-up-answer"));
      assertTrue(h.fake.awaitCallback(stranger, WAIT).text().contains("This isn't yours"));
    }
  }
}
