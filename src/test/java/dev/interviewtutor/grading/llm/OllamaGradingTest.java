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

/**
 * {@code TUTOR_LLM_PROVIDER=ollama}: the same grader through Ollama's OpenAI-compatible API, with
 * the server root as the base URL (as Ollama's docs write it), against a loopback server that
 * answers only under {@code /v1}.
 */
class OllamaGradingTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ANSWER =
      "A single thread with an event loop runs the JavaScript. CPU-heavy work goes to worker threads.";

  private static LlmServices services(LlmStub stub, Duration timeout) {
    return LlmServices.fromConfig(
            Fixtures.config("ollama", stub.baseUrl(), timeout, 100),
            new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1), d -> {}),
            Clock.systemUTC())
        .orElseThrow();
  }

  @Test
  void should_grade_through_ollamas_openai_compatible_api_with_a_schema_and_temperature_zero()
      throws Exception {
    try (LlmStub stub = LlmStub.start(LlmStub.Shape.OLLAMA)) {
      stub.content(
          json(
              Map.of(
                  "keyPoints",
                  List.of(
                      kp(
                          "kp1",
                          "covered",
                          "A single thread with an event loop runs the JavaScript"),
                      kp("kp2", "missed", ""),
                      kp("kp3", "partial", "CPU-heavy work goes to worker threads")),
                  "misconceptions",
                  List.of(),
                  "score",
                  60,
                  "feedback",
                  "Mention clustering.")));

      Grade grade =
          services(stub, Duration.ofSeconds(10)).grader().grade(Fixtures.nodeScaling(), ANSWER);

      assertEquals("llm:ollama/test-model", grade.grader());
      assertEquals(
          List.of(Coverage.COVERED, Coverage.MISSED, Coverage.PARTIAL),
          grade.keyPoints().stream().map(k -> k.coverage()).toList());
      assertEquals(60, grade.score());
      LlmStub.Recorded request = stub.requests().get(0);
      assertEquals("/v1/chat/completions", request.path());
      JsonNode body = JSON.readTree(request.body());
      assertEquals("test-model", body.path("model").asText());
      assertTrue(body.has("temperature"), body.toString());
      assertEquals(0.0, body.path("temperature").asDouble(-1), 0.0);
      assertEquals(
          "json_schema",
          body.at("/response_format/type").asText(),
          "the JSON schema goes in response_format");
      assertEquals(
          "[\"kp1\",\"kp2\",\"kp3\"]",
          body.at(
                  "/response_format/json_schema/schema/properties/keyPoints/items/properties/id/enum")
              .toString());
      assertTrue(
          body.at("/messages/1/content").asText().contains("\n" + ANSWER + "\nEND ANSWER DATA-"));
    }
  }

  @Test
  void should_fall_back_visibly_when_ollama_keeps_failing() {
    try (LlmStub stub = LlmStub.start(LlmStub.Shape.OLLAMA)) {
      stub.status(503).status(503);

      Grade grade =
          services(stub, Duration.ofSeconds(10))
              .hybrid(Fixtures.keywordGrader())
              .grade(Fixtures.nodeScaling(), ANSWER);

      assertEquals("offline", grade.grader());
      assertEquals(2, stub.requests().size());
      assertTrue(
          grade.notes().stream()
              .anyMatch(n -> n.startsWith("graded offline: the LLM service failed")),
          grade.notes().toString());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void should_time_out_against_a_slow_ollama() throws Exception {
    try (LlmStub stub = LlmStub.start(LlmStub.Shape.OLLAMA)) {
      stub.content("{}", 5_000);

      Grade grade =
          services(stub, Duration.ofMillis(300))
              .hybrid(Fixtures.keywordGrader())
              .grade(Fixtures.nodeScaling(), ANSWER);

      assertEquals("offline", grade.grader());
      assertTrue(
          grade.notes().contains("graded offline: the LLM service did not answer in time"),
          grade.notes().toString());
    }
  }

  @Test
  void should_reach_ollama_under_v1_by_default_and_when_given_its_server_root() {
    assertEquals("http://localhost:11434/v1", ChatModelFactory.ollamaBaseUrl(null));
    assertEquals("http://gpu-box:11434/v1", ChatModelFactory.ollamaBaseUrl("http://gpu-box:11434"));
    assertEquals(
        "http://gpu-box:11434/v1", ChatModelFactory.ollamaBaseUrl("http://gpu-box:11434/"));
    assertEquals(
        "https://proxy.example/ollama/v1",
        ChatModelFactory.ollamaBaseUrl("https://proxy.example/ollama/v1"));
  }
}
