package dev.interviewtutor.grading.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interviewtutor.grading.Grade;
import dev.interviewtutor.grading.GradingContext;
import dev.interviewtutor.grading.Verdict;
import dev.interviewtutor.knowledge.Rubric;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** One follow-up after a partial answer, about the most important missed key point. */
class FollowUpAskerTest {
  private static final String PARTIAL = "Use the cluster module to fork one process per core.";
  private final Rubric rubric = Fixtures.nodeScaling();
  private final Grade partial = Fixtures.keywordGrader().grade(rubric, PARTIAL);

  @Test
  void should_ask_nothing_when_disabled_or_the_answer_is_not_partial() {
    FollowUpAsker off = FollowUpAsker.offline(false);
    assertTrue(off.ask(rubric, PARTIAL, partialGrade(), GradingContext.LOCAL).isEmpty());

    Grade correct = Fixtures.keywordGrader().grade(rubric, "event loop, cluster, cpu");
    assertEquals(Verdict.CORRECT, correct.verdict());
    assertTrue(
        FollowUpAsker.offline(true)
            .ask(rubric, "event loop, cluster, cpu", correct, GradingContext.LOCAL)
            .isEmpty());
  }

  @Test
  void should_build_an_offline_question_and_a_one_key_point_rubric() {
    FollowUp followUp =
        FollowUpAsker.offline(true)
            .ask(rubric, PARTIAL, partialGrade(), GradingContext.LOCAL)
            .orElseThrow();

    assertEquals("kp1", followUp.keyPointId(), "kp1 weighs 2, kp3 weighs 1");
    assertEquals("offline", followUp.source());
    assertEquals(1, followUp.rubric().keyPoints().size());
    assertEquals("kp1", followUp.rubric().keyPoints().get(0).id());
    assertEquals(followUp.question(), followUp.rubric().question());
    assertFalse(followUp.rubric().version().equals(rubric.version()), "its own cache key");
    assertTrue(followUp.question().endsWith("?"));
    assertFalse(
        followUp.question().contains(rubric.keyPoints().get(0).text()),
        "does not read the point out");
    assertTrue(
        followUp.question().contains("JavaScript") || followUp.question().contains("thread"),
        followUp.question());

    Grade reply =
        Fixtures.keywordGrader()
            .grade(followUp.rubric(), "It is a single thread with an event loop.");
    assertEquals(100, reply.score(), "graded against that key point only");
  }

  @Test
  void should_let_the_llm_word_the_follow_up_and_fall_back_when_it_fails() throws Exception {
    try (LlmStub stub = LlmStub.start(LlmStub.Shape.OPENAI)) {
      LlmServices services =
          LlmServices.fromConfig(
                  Fixtures.config("openai", stub.baseUrl(), Duration.ofSeconds(10), 100),
                  new RetryPolicy(1, Duration.ZERO, Duration.ZERO, d -> {}),
                  Clock.systemUTC())
              .orElseThrow();
      FollowUpAsker asker = services.followUps(true);
      stub.content("What happens to other requests while one callback is running?");

      FollowUp byLlm =
          asker.ask(rubric, PARTIAL, partialGrade(), GradingContext.LOCAL).orElseThrow();

      assertEquals("llm", byLlm.source());
      assertEquals(
          "What happens to other requests while one callback is running?", byLlm.question());
      var body = new ObjectMapper().readTree(stub.requests().get(0).body());
      String prompt = body.at("/messages/0/content").asText();
      assertTrue(prompt.contains("Node.js runs JavaScript on a single thread with an event loop"));
      assertTrue(prompt.contains(PARTIAL));
      assertFalse(body.has("response_format"), "a follow-up is plain text");

      stub.status(500);
      FollowUp fallback =
          asker.ask(rubric, PARTIAL, partialGrade(), GradingContext.LOCAL).orElseThrow();
      assertEquals("offline", fallback.source());
      assertEquals("kp1", fallback.keyPointId());
    }
  }

  private Grade partialGrade() {
    // kp2 covered (weight 1 of 4 = 25) is "incorrect" for the keyword grader; restate it as
    // partial.
    return new Grade(
        partial.questionId(),
        45,
        Verdict.PARTIALLY_CORRECT,
        partial.keyPoints(),
        partial.misconceptions(),
        partial.feedback(),
        partial.tip(),
        partial.grader(),
        partial.notes());
  }

  @Test
  void should_name_the_subject_in_the_key_point_word_order() {
    var kp =
        new dev.interviewtutor.knowledge.KeyPoint(
            "kp9", "Load balancing", 1, java.util.List.of(), "section");
    String q = FollowUpAsker.offlineQuestion(rubric, kp, PARTIAL);
    assertEquals(
        "Good start. One more thing an interviewer would ask: what can you tell me about Load balancing"
            + " here?",
        q);
  }
}
