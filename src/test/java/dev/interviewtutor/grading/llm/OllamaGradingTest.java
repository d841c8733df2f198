package dev.interviewtutor.grading.llm;

import static dev.interviewtutor.grading.llm.LlmStub.json;
import static dev.interviewtutor.grading.llm.LlmStub.kp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interviewtutor.grading.Coverage;
import dev.interviewtutor.grading.Grade;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The same grader against an Ollama-shaped loopback server. */
class OllamaGradingTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ANSWER =
      "A single thread with an event loop runs the JavaScript. CPU-heavy work goes to worker threads.";

  private static LlmServices services(LlmStub stub, Duration timeout) {
    return LlmServices.fromConfig(Fixtures.config("ollama", stub.baseUrl(), timeout, 100),
        new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1), d -> {}), Clock.systemUTC()).orElseThrow();
  }

  @Test
  void should_grade_through_the_ollama_chat_api_with_a_schema_and_temperature_zero() throws Exception {
    try (LlmStub stub = LlmStub.start(LlmStub.Shape.OLLAMA)) {
      stub.content(json(Map.of(
          "keyPoints", List.of(
              kp("kp1", "covered", "A single thread with an event loop runs the JavaScript"),
              kp("kp2", "missed", ""),
              kp("kp3", "partial", "CPU-heavy work goes to worker threads")),
          "misconceptions", List.of(), "score", 60, "feedback", "Mention clustering.")));

      Grade grade = services(stub, Duration.ofSeconds(10)).grader().grade(Fixtures.nodeScaling(), ANSWER);

      assertEquals("llm:ollama/test-model", grade.grader());
      assertEquals(List.of(Coverage.COVERED, Coverage.MISSED, Coverage.PARTIAL),
          grade.keyPoints().stream().map(k -> k.coverage()).toList());
      assertEquals(60, grade.score());
      LlmStub.Recorded request = stub.requests().get(0);
      assertEquals("/api/chat", request.path());
      JsonNode body = JSON.readTree(request.body());
      assertEquals("test-model", body.path("model").asText());
      assertEquals(0.0, body.at("/options/temperature").asDouble(-1), 0.0);
      assertTrue(body.at("/options").has("temperature"), body.toString());
      assertEquals("object", body.at("/format/type").asText(), "the JSON schema goes in format");
      assertEquals("[\"kp1\",\"kp2\",\"kp3\"]",
          body.at("/format/properties/keyPoints/items/properties/id/enum").toString());
      assertTrue(body.at("/messages/1/content").asText().contains("\n" + ANSWER + "\nEND ANSWER DATA-"));
    }
  }

  @Test
  void should_fall_back_visibly_when_ollama_keeps_failing() {
    try (LlmStub stub = LlmStub.start(LlmStub.Shape.OLLAMA)) {
      stub.status(503).status(503);

      Grade grade = services(stub, Duration.ofSeconds(10)).hybrid(Fixtures.keywordGrader())
          .grade(Fixtures.nodeScaling(), ANSWER);

      assertEquals("offline", grade.grader());
      assertEquals(2, stub.requests().size());
      assertTrue(grade.notes().stream().anyMatch(n -> n.startsWith("graded offline: the LLM service failed")),
          grade.notes().toString());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void should_time_out_against_a_slow_ollama() throws Exception {
    try (LlmStub stub = LlmStub.start(LlmStub.Shape.OLLAMA)) {
      stub.content("{}", 5_000);

      Grade grade = services(stub, Duration.ofMillis(300)).hybrid(Fixtures.keywordGrader())
          .grade(Fixtures.nodeScaling(), ANSWER);

      assertEquals("offline", grade.grader());
      assertTrue(grade.notes().contains("graded offline: the LLM service did not answer in time"),
          grade.notes().toString());
    }
  }
}
