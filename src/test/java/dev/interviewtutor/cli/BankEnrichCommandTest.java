package dev.interviewtutor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interviewtutor.config.TutorConfig;
import dev.interviewtutor.grading.llm.LlmStub;
import dev.interviewtutor.knowledge.BankLoader;
import dev.interviewtutor.knowledge.Question;
import dev.interviewtutor.knowledge.QuestionBank;
import dev.interviewtutor.knowledge.Section;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tutor bank enrich} against the loopback OpenAI-compatible stub: proposals go to a new file
 * to review.
 */
class BankEnrichCommandTest {
  static final String BANK =
      """
      # 1. What does a load balancer do?

      ### Explanation
      A load balancer spreads incoming requests across several servers so no single one is overwhelmed, and it
      stops sending traffic to a server that fails its health checks.

      ### Interview Tip
      Name one algorithm, such as round robin.

      # 2. What is a CDN?

      ### Explanation
      A content delivery network keeps copies of static files on servers close to users.

      ### Key Points

      - Copies of static files sit on edge servers near users
      """;

  /**
   * A reply in the asked-for shape, plus what must not reach the bank: prose, another section, a
   * bad synonym.
   */
  static String reply(String requestBody) {
    String subject = requestBody.contains("load balancer") ? "balancer" : "cdn";
    return """
        Sure! Here are my proposals.

        ### Key Points
        - The %1$s spreads the work across servers
        - It stops routing to servers that fail health checks

        ### Synonyms
        - %1$s: LB, traffic distributor
        - this line has no colon so it is not a synonym

        ### Common Mistakes
        - A %1$s makes one server faster — it spreads requests over several servers

        ### Sources
        - https://example.invalid/not-a-key-point
        """
        .formatted(subject);
  }

  static TutorConfig config(LlmStub stub, Path dir) {
    return TutorConfig.fromEnvironment(
        Map.of(
            "TUTOR_LLM_PROVIDER",
            "openai",
            "TUTOR_LLM_BASE_URL",
            stub.baseUrl(),
            "TUTOR_LLM_MODEL",
            "stub-model",
            "TUTOR_LLM_TIMEOUT_SECONDS",
            "10",
            "TUTOR_PROMPTS",
            Path.of("prompts").toAbsolutePath().toString(),
            "TUTOR_DB",
            dir.resolve("tutor.db").toString()));
  }

  static List<String> bullets(Question q, String heading) {
    return q.sections().stream()
        .filter(s -> s.heading().equalsIgnoreCase(heading))
        .map(Section::bullets)
        .findFirst()
        .orElse(List.of());
  }

  @Test
  void should_write_proposals_to_a_new_file_and_never_change_the_input(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("scaling.md");
    Files.writeString(file, BANK);
    try (LlmStub stub = LlmStub.start(LlmStub.Shape.OPENAI)) {
      stub.respond(BankEnrichCommandTest::reply);

      CliRun run = CliRun.of(config(stub, dir), "bank", "enrich", file.toString());

      assertEquals(0, run.code(), run.err());
      assertEquals(BANK, Files.readString(file), "the input is never changed");
      Path out = dir.resolve("scaling.enriched.md");
      assertTrue(run.out().contains("Wrote " + out + ": proposals for 2 question(s)"), run.out());
      assertEquals(2, stub.requests().size(), "one request per question");
      assertTrue(
          stub.requests().get(0).body().contains("What does a load balancer do?")
              && stub.requests().get(0).body().contains("spreads incoming requests"),
          "the prompt carries the question"
              + " and its author's answer (the built-in prompt: the project's prompts/ has no enrich.txt)");

      Path check = Files.createDirectories(dir.resolve("check"));
      Files.copy(out, check.resolve("scaling.md"));
      QuestionBank enriched = BankLoader.load(check);
      Question first = enriched.find("1").orElseThrow();
      assertEquals(
          List.of(
              "The balancer spreads the work across servers",
              "It stops routing to servers that fail health checks"),
          bullets(first, "Key Points"));
      assertEquals(List.of("balancer: LB, traffic distributor"), bullets(first, "Synonyms"));
      assertEquals(
          List.of("A balancer makes one server faster — it spreads requests over several servers"),
          bullets(first, "Common Mistakes"));
      assertEquals(
          "Name one algorithm, such as round robin.", first.tip(), "the tip stays the tip");
      String text = Files.readString(out);
      assertFalse(
          text.contains("example.invalid") || text.contains("Sure!") || text.contains("no colon"),
          text);

      Question second = enriched.find("2").orElseThrow();
      assertEquals(
          List.of("Copies of static files sit on edge servers near users"),
          bullets(second, "Key Points"),
          "a section the author wrote is kept and not proposed again");
      assertEquals(
          1,
          second.sections().stream()
              .filter(s -> s.heading().equalsIgnoreCase("Key Points"))
              .count());
      assertEquals(List.of("cdn: LB, traffic distributor"), bullets(second, "Synonyms"));

      CliRun again = CliRun.of(config(stub, dir), "bank", "enrich", file.toString());
      assertEquals(1, again.code());
      assertTrue(again.err().contains("exists; choose another --out or add --force"), again.err());
    }
  }

  @Test
  void should_refuse_without_an_llm_and_name_the_setting(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("scaling.md");
    Files.writeString(file, BANK);

    CliRun run =
        CliRun.of(
            TutorConfig.fromEnvironment(Map.of("TUTOR_DB", dir.resolve("tutor.db").toString())),
            "bank",
            "enrich",
            file.toString());

    assertEquals(1, run.code());
    assertTrue(run.err().contains("TUTOR_LLM_PROVIDER"), run.err());
    assertFalse(Files.exists(dir.resolve("scaling.enriched.md")));
  }
}
