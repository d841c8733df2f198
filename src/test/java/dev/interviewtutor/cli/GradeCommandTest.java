package dev.interviewtutor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradeCommandTest {
  private static final String BANK =
      """
      # 74. What Is Backpressure in Node.js?

      ### Explanation

      Backpressure occurs when a stream produces data faster than it can be consumed.

      ### Interview Tip

      Ignoring backpressure causes memory leaks.
      """;

  @Test
  void should_print_a_readable_grade_within_80_columns(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("node.md"), BANK);
    CliRun r =
        CliRun.of(
            "grade",
            "--knowledge",
            dir.toString(),
            "--question",
            "74",
            "--answer",
            "Backpressure is when the producer of a stream writes data faster than the consumer can read it.");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("Question 74: What Is Backpressure in Node.js?"), r.out());
    assertTrue(r.out().contains("/100"), r.out());
    assertTrue(r.out().contains("[x] Backpressure occurs"), r.out());
    r.out().lines().forEach(line -> assertTrue(line.length() <= 80, "too wide: " + line));
  }

  @Test
  void should_print_json_with_score_verdict_and_key_points(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("node.md"), BANK);
    CliRun r =
        CliRun.of(
            "grade",
            "--knowledge",
            dir.toString(),
            "--question",
            "74",
            "--answer",
            "I don't know",
            "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertEquals(0, json.get("score").asInt());
    assertEquals("INCORRECT", json.get("verdict").asText());
    assertEquals(2, json.get("keyPoints").size());
  }

  @Test
  void should_refuse_an_unknown_question_and_an_over_long_answer_with_a_clear_message(
      @TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("node.md"), BANK);
    CliRun unknown =
        CliRun.of("grade", "--knowledge", dir.toString(), "--question", "99", "--answer", "x");
    assertEquals(2, unknown.code());
    assertTrue(unknown.err().contains("no question 99"), unknown.err());
    CliRun tooLong =
        CliRun.of(
            "grade",
            "--knowledge",
            dir.toString(),
            "--question",
            "74",
            "--answer",
            "a".repeat(4001));
    assertEquals(2, tooLong.code());
    assertTrue(tooLong.err().contains("limit is 4000"), tooLong.err());
  }

  @Test
  void should_grade_against_a_given_reference_answer() {
    CliRun r =
        CliRun.of(
            "grade",
            "--question",
            "What does a stack do?",
            "--reference",
            "A stack is last in, first out.",
            "--answer",
            "The last element pushed is the first one popped: LIFO.",
            "--json");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("\"score\""), r.out());
  }
}
