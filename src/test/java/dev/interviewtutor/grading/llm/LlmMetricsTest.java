package dev.interviewtutor.grading.llm;

import static dev.interviewtutor.grading.llm.LlmStub.json;
import static dev.interviewtutor.grading.llm.LlmStub.kp;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.interviewtutor.grading.Grade;
import dev.interviewtutor.grading.Grader;
import dev.interviewtutor.grading.GradingContext;
import dev.interviewtutor.grading.MeteredGrader;
import dev.interviewtutor.knowledge.Rubric;
import dev.interviewtutor.ops.MicrometerMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * LLM calls, their failures and grading fall-backs are counted where they happen: the real
 * LangChain4j OpenAI client against the loopback stub, counted in a real Micrometer registry.
 */
class LlmMetricsTest {
  private static final String GOOD =
      "Node runs your JavaScript on a single thread with an event loop, and you scale"
          + " it by running several processes with the cluster module, one per CPU core.";
  private final Rubric rubric = Fixtures.nodeScaling();
  private LlmStub stub;
  private MicrometerMetrics metrics;

  @BeforeEach
  void start() throws Exception {
    stub = LlmStub.start(LlmStub.Shape.OPENAI);
    metrics = new MicrometerMetrics();
  }

  @AfterEach
  void stop() {
    stub.close();
    metrics.close();
  }

  private HybridGrader hybrid(int budget) {
    RetryPolicy retry = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2), d -> {});
    return LlmServices.fromConfig(
            Fixtures.config("openai", stub.baseUrl(), Duration.ofSeconds(10), budget),
            retry,
            Clock.systemUTC())
        .orElseThrow()
        .withMetrics(metrics)
        .hybrid(Fixtures.keywordGrader());
  }

  private static String goodReply() {
    return json(
        Map.of(
            "keyPoints",
            List.of(
                kp("kp1", "covered", "runs your JavaScript on a single thread with an event loop"),
                kp("kp2", "covered", "several processes with the cluster module, one per CPU core"),
                kp("kp3", "missed", "")),
            "misconceptions",
            List.of(),
            "score",
            72,
            "feedback",
            "Good."));
  }

  private double count(String name, String tag, String value) {
    Counter counter = metrics.registry().find(name).tag(tag, value).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void should_count_each_call_and_each_failed_one_by_reason() {
    stub.status(429).content(goodReply());
    Grade grade = hybrid(100).grade(rubric, GOOD);
    assertEquals("hybrid", grade.grader());
    assertEquals(1, count("tutor.llm.calls", "outcome", "ok"));
    assertEquals(1, count("tutor.llm.calls", "outcome", "failed"));
    assertEquals(1, count("tutor.llm.failures", "reason", "rate_limited"));
    assertEquals(
        0, metrics.registry().find("tutor.grading.fallbacks").counters().size(), "no fall-back");
  }

  @Test
  void should_count_a_fall_back_to_the_offline_grade_with_its_reason() {
    stub.status(500).status(502).status(500);
    Grade grade = hybrid(100).grade(rubric, GOOD);
    assertEquals("offline", grade.grader());
    assertEquals(3, count("tutor.llm.calls", "outcome", "failed"), "every attempt is a call");
    assertEquals(3, count("tutor.llm.failures", "reason", "server_error"));
    assertEquals(1, count("tutor.grading.fallbacks", "reason", "server_error"));
  }

  @Test
  void a_used_up_budget_is_a_fall_back_but_no_call() {
    stub.content(goodReply());
    HybridGrader grader = hybrid(1);
    grader.grade(rubric, GOOD, GradingContext.of("discord:guild:1"));
    Grade second = grader.grade(rubric, GOOD + " Also pm2.", GradingContext.of("discord:guild:1"));
    assertEquals("offline", second.grader());
    assertEquals(1, count("tutor.llm.calls", "outcome", "ok"));
    assertEquals(0, count("tutor.llm.calls", "outcome", "failed"));
    assertEquals(1, count("tutor.grading.fallbacks", "reason", "budget_exhausted"));
  }

  @Test
  void the_front_ends_wiring_reports_calls_and_grade_latency() {
    stub.content(goodReply());
    TutorGrading grading =
        TutorGrading.fromConfig(
            Fixtures.config("openai", stub.baseUrl(), Duration.ofSeconds(10), 100),
            Fixtures::keywordGrader,
            Optional.empty(),
            Optional.empty(),
            metrics);
    Grader metered = MeteredGrader.of(grading.grader(), metrics);
    assertEquals("hybrid", metered.name());
    assertEquals("hybrid", metered.grade(rubric, GOOD, GradingContext.LOCAL).grader());
    assertEquals(1, count("tutor.llm.calls", "outcome", "ok"));
    Timer latency = metrics.registry().find("tutor.grade.latency").tag("grader", "hybrid").timer();
    assertEquals(1, latency.count());
  }
}
