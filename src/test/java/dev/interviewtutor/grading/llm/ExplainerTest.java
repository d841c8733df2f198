package dev.interviewtutor.grading.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interviewtutor.grading.Grade;
import dev.interviewtutor.grading.GradingContext;
import dev.interviewtutor.knowledge.Rubric;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExplainerTest {
  private static final String ANSWER =
      "Use the cluster module. Use worker threads for I/O operations.";
  private final Rubric rubric = Fixtures.nodeScaling();
  private final Grade grade = Fixtures.keywordGrader().grade(rubric, ANSWER);

  @Test
  void should_explain_offline_from_the_rubric() {
    String text = Explainer.offline().explain(rubric, ANSWER, grade, GradingContext.LOCAL);

    assertTrue(
        text.contains("- Node.js runs JavaScript on a single thread with an event loop"), text);
    assertTrue(text.contains("I/O is already non-blocking"), text);
    assertTrue(text.contains("Model answer: "), text);
  }

  @Test
  void should_use_the_llm_and_fall_back_when_it_fails() throws Exception {
    try (LlmStub stub = LlmStub.start(LlmStub.Shape.OPENAI)) {
      Explainer explainer =
          LlmServices.fromConfig(
                  Fixtures.config("openai", stub.baseUrl(), Duration.ofSeconds(10), 100),
                  new RetryPolicy(1, Duration.ZERO, Duration.ZERO, d -> {}),
                  Clock.systemUTC())
              .orElseThrow()
              .explainer();
      stub.content("The event loop already handles I/O without blocking.");

      assertEquals(
          "The event loop already handles I/O without blocking.",
          explainer.explain(rubric, ANSWER, grade, GradingContext.LOCAL));
      String prompt = stub.requests().get(0).body();
      assertTrue(
          prompt.contains("use worker threads for I/O operations (I/O is already non-blocking"),
          prompt);

      stub.status(500);
      assertTrue(
          explainer
              .explain(rubric, ANSWER, grade, GradingContext.LOCAL)
              .startsWith("What a full answer"));
    }
  }
}
