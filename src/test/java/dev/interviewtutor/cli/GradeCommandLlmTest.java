package dev.interviewtutor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interviewtutor.config.TutorConfig;
import dev.interviewtutor.grading.llm.LlmStub;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tutor grade --grader llm|hybrid} against a loopback OpenAI-compatible server. */
class GradeCommandLlmTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BANK =
      """
      # 74. What Is Backpressure in Node.js?

      ### Explanation

      Backpressure occurs when a stream produces data faster than it can be consumed.

      ### Interview Tip

      Ignoring backpressure causes memory leaks.
      """;
  private static final String ANSWER =
      "Backpressure is when a stream produces data faster than the consumer can consume it.";

  /** Covers every key point the request lists, quoting the whole fenced answer. */
  private static String coverAll(String requestBody) {
    try {
      JsonNode body = JSON.readTree(requestBody);
      List<Map<String, Object>> kps = new ArrayList<>();
      for (JsonNode id :
          body.at(
              "/response_format/json_schema/schema/properties/keyPoints/items/properties/id/enum")) {
        kps.add(LlmStub.kp(id.asText(), "covered", ""));
      }
      Matcher m =
          Pattern.compile("BEGIN ANSWER (\\S+)\n(.*)\nEND ANSWER \\1", Pattern.DOTALL)
              .matcher(body.at("/messages/1/content").asText());
      String answer = m.find() ? m.group(2) : "";
      kps.replaceAll(k -> LlmStub.kp((String) k.get("id"), "covered", answer));
      return LlmStub.json(
          Map.of(
              "keyPoints",
              kps,
              "misconceptions",
              List.of(),
              "score",
              92,
              "feedback",
              "Clear and correct."));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static TutorConfig config(LlmStub stub) {
    return TutorConfig.fromEnvironment(
        Map.of(
            "TUTOR_LLM_PROVIDER",
            "openai",
            "TUTOR_LLM_BASE_URL",
            stub.baseUrl(),
            "TUTOR_LLM_MODEL",
            "stub-model",
            "TUTOR_LLM_TIMEOUT_SECONDS",
            "10"));
  }

  @Test
  void should_grade_with_the_llm_and_hybrid_graders_through_any_configured_endpoint(
      @TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("node.md"), BANK);
    try (LlmStub stub = LlmStub.start(LlmStub.Shape.OPENAI)) {
      stub.respond(GradeCommandLlmTest::coverAll);

      CliRun llm =
          CliRun.of(
              config(stub),
              "grade",
              "--knowledge",
              dir.toString(),
              "--question",
              "74",
              "--answer",
              ANSWER,
              "--grader",
              "llm",
              "--json");
      assertEquals(0, llm.code(), llm.err());
      JsonNode grade = JSON.readTree(llm.out());
      assertEquals("llm:openai/stub-model", grade.path("grader").asText());
      assertTrue(grade.path("score").asInt() >= 80, llm.out());

      CliRun hybrid =
          CliRun.of(
              config(stub),
              "grade",
              "--knowledge",
              dir.toString(),
              "--question",
              "74",
              "--answer",
              ANSWER,
              "--grader",
              "hybrid");
      assertEquals(0, hybrid.code(), hybrid.err());
      assertTrue(hybrid.out().contains("graded hybrid"), hybrid.out());
      assertEquals(2, stub.requests().size());
    }
  }

  @Test
  void should_show_the_offline_fallback_when_the_endpoint_fails(@TempDir Path dir)
      throws Exception {
    Files.writeString(dir.resolve("node.md"), BANK);
    try (LlmStub stub = LlmStub.start(LlmStub.Shape.OPENAI)) {
      stub.status(400);

      CliRun r =
          CliRun.of(
              config(stub),
              "grade",
              "--knowledge",
              dir.toString(),
              "--question",
              "74",
              "--answer",
              ANSWER,
              "--grader",
              "hybrid");

      assertEquals(0, r.code(), r.err());
      assertTrue(r.out().contains("graded offline"), r.out());
      assertTrue(r.out().contains("the LLM service rejected the request (HTTP 400)"), r.out());
    }
  }

  @Test
  void should_explain_that_llm_grading_needs_a_provider(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("node.md"), BANK);
    CliRun r =
        CliRun.of(
            TutorConfig.fromEnvironment(Map.of()),
            "grade",
            "--knowledge",
            dir.toString(),
            "--question",
            "74",
            "--answer",
            ANSWER,
            "--grader",
            "llm");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("TUTOR_LLM_PROVIDER"), r.err());
  }
}
