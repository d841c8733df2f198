package dev.interviewtutor.grading.llm;

import static dev.interviewtutor.grading.llm.LlmStub.json;
import static dev.interviewtutor.grading.llm.LlmStub.kp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interviewtutor.config.TutorConfig;
import dev.interviewtutor.grading.Coverage;
import dev.interviewtutor.grading.Grade;
import dev.interviewtutor.grading.Grader;
import dev.interviewtutor.grading.KeyPointResult;
import dev.interviewtutor.grading.OfflineGrader;
import dev.interviewtutor.grading.Verdict;
import dev.interviewtutor.knowledge.Rubric;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With {@code TUTOR_LLM_ROUTING=uncertain} (the default) the LLM grades only the answers the
 * offline grader is unsure of; sure offline grades cost no call. Real LangChain4j client against
 * the loopback stub.
 */
class HybridRoutingTest {
  private final Rubric rubric = Fixtures.nodeScaling();

  private static HybridGrader hybrid(LlmStub stub, Grader offline, HybridGrader.Routing routing) {
    return LlmServices.fromConfig(
            Fixtures.config("openai", stub.baseUrl(), Duration.ofSeconds(10), 100),
            new RetryPolicy(1, Duration.ZERO, Duration.ZERO, d -> {}),
            Clock.systemUTC())
        .orElseThrow()
        .hybrid(offline, routing);
  }

  private static String llmReply() {
    return json(
        Map.of(
            "keyPoints",
            List.of(
                kp("kp1", "covered", "single thread"),
                kp("kp2", "missed", ""),
                kp("kp3", "missed", "")),
            "misconceptions",
            List.of(),
            "score",
            40,
            "feedback",
            "Partly."));
  }

  /**
   * An offline grader that returns the given per-point results, as a way to set the offline
   * grader's certainty.
   */
  private static Grader offlineSaying(int score, KeyPointResult... points) {
    return new Grader() {
      @Override
      public Grade grade(Rubric rubric, String answer) {
        return new Grade(
            rubric.questionId(),
            score,
            score >= 70 ? Verdict.CORRECT : Verdict.PARTIALLY_CORRECT,
            List.of(points),
            List.of(),
            "feedback",
            rubric.tip(),
            "offline",
            List.of());
      }

      @Override
      public String name() {
        return "offline";
      }
    };
  }

  @Test
  void should_not_call_the_llm_when_the_offline_grade_is_sure() throws Exception {
    Grader sureOffline =
        offlineSaying(
            92,
            new KeyPointResult("kp1", "a", Coverage.COVERED, "single thread", 0.9),
            new KeyPointResult("kp2", "b", Coverage.COVERED, "cluster", 1.0),
            new KeyPointResult("kp3", "c", Coverage.MISSED, "", 1.0));
    try (LlmStub stub = LlmStub.start(LlmStub.Shape.OPENAI)) {
      stub.content(llmReply());
      Grade grade =
          hybrid(stub, sureOffline, HybridGrader.Routing.UNCERTAIN).grade(rubric, "an answer");
      assertEquals(0, stub.requests().size(), "no LLM call for a sure grade");
      assertEquals(92, grade.score());
      assertEquals("offline", grade.grader());
    }
  }

  @Test
  void should_send_an_answer_with_an_unsure_key_point_to_the_llm() throws Exception {
    Grader unsureOffline =
        offlineSaying(
            92,
            new KeyPointResult("kp1", "a", Coverage.COVERED, "single thread", 0.3),
            new KeyPointResult("kp2", "b", Coverage.COVERED, "cluster", 1.0),
            new KeyPointResult("kp3", "c", Coverage.MISSED, "", 1.0));
    try (LlmStub stub = LlmStub.start(LlmStub.Shape.OPENAI)) {
      stub.content(llmReply());
      Grade grade =
          hybrid(stub, unsureOffline, HybridGrader.Routing.UNCERTAIN)
              .grade(rubric, "single thread");
      assertEquals(1, stub.requests().size(), "the unsure answer goes to the LLM");
      assertEquals("hybrid", grade.grader());
    }
  }

  @Test
  void should_send_every_answer_when_routing_is_all() throws Exception {
    Grader sureOffline =
        offlineSaying(95, new KeyPointResult("kp1", "a", Coverage.COVERED, "single thread", 1.0));
    try (LlmStub stub = LlmStub.start(LlmStub.Shape.OPENAI)) {
      stub.content(llmReply());
      hybrid(stub, sureOffline, HybridGrader.Routing.ALL).grade(rubric, "single thread");
      assertEquals(1, stub.requests().size());
    }
  }

  @Test
  void
      should_confirm_a_mistake_the_real_offline_grader_names_with_the_llm_and_skip_an_off_topic_answer()
          throws Exception {
    OfflineGrader offline = OfflineGrader.withDefaultModel();
    String wrong =
        "Use worker threads for I/O operations such as reading files and database queries, because the"
            + " event loop is single threaded.";
    String offTopic = "My favourite pasta is cacio e pepe with plenty of black pepper.";
    assertFalse(
        offline.grade(rubric, wrong).misconceptions().isEmpty(),
        "precondition: offline names the mistake");
    try (LlmStub stub = LlmStub.start(LlmStub.Shape.OPENAI)) {
      stub.content(llmReply());
      HybridGrader hybrid = hybrid(stub, offline, HybridGrader.Routing.UNCERTAIN);
      hybrid.grade(rubric, offTopic);
      assertEquals(0, stub.requests().size(), "an off-topic answer is a sure 'no'");
      hybrid.grade(rubric, wrong);
      assertEquals(
          1, stub.requests().size(), "a named mistake is checked by the LLM before it is final");
    }
  }

  @Test
  void should_read_the_routing_from_the_environment_and_name_a_bad_value() {
    assertEquals("uncertain", TutorConfig.fromEnvironment(Map.of()).llmRouting());
    assertEquals(
        "all", TutorConfig.fromEnvironment(Map.of("TUTOR_LLM_ROUTING", "ALL")).llmRouting());
    var e =
        org.junit.jupiter.api.Assertions.assertThrows(
            dev.interviewtutor.config.ConfigException.class,
            () -> TutorConfig.fromEnvironment(Map.of("TUTOR_LLM_ROUTING", "sometimes")));
    assertTrue(e.getMessage().contains("TUTOR_LLM_ROUTING"), e.getMessage());
  }

  @Test
  void should_refuse_a_confidence_outside_zero_to_one() {
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class,
        () -> new KeyPointResult("kp1", "a", Coverage.COVERED, "", 1.5));
    assertTrue(new KeyPointResult("kp1", "a", Coverage.COVERED, "", 0.2).unsure());
    assertFalse(
        new KeyPointResult("kp1", "a", Coverage.COVERED, "").unsure(), "no measure means sure");
  }
}
