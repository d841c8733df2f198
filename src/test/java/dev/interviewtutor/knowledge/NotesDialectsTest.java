package dev.interviewtutor.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interview notes in the dialects common on GitHub (written for these tests in the project's own
 * words, in {@code src/test/resources/notes}): every question loads, nothing is glued onto a
 * question, no markup reaches a key point, and ids are stable.
 */
class NotesDialectsTest {
  static final Path NOTES = Path.of("src/test/resources/notes");

  /**
   * Markup that must never reach a key point or misconception. A placeholder such as {@code <pid>}
   * is text the notes meant, not an HTML tag.
   */
  private static final Pattern MARKUP =
      Pattern.compile(
          "</?(?i:br|p|div|span|b|i|em|strong|code|details|summary|ins|img|a|sup|sub|kbd|hr|table|tr|"
              + "td|th|ul|ol|li|h[1-6])\\b|!\\[|\\$|\\*\\*|•|^>|\\\\[a-z]+|&nbsp;|\\[!TIP]");

  private static MarkdownBankParser.ParseResult parse(String name) throws IOException {
    Path file = NOTES.resolve(name);
    return new MarkdownBankParser().parse(file, Files.readString(file, StandardCharsets.UTF_8));
  }

  private static List<String> titles(MarkdownBankParser.ParseResult result) {
    return result.questions().stream().map(Question::title).toList();
  }

  private static void assertNoMarkupInRubrics(MarkdownBankParser.ParseResult result) {
    for (Question q : result.questions()) {
      Rubric rubric = QuestionRubrics.of(q);
      for (KeyPoint kp : rubric.keyPoints()) {
        assertFalse(
            MARKUP.matcher(kp.text()).find(), q.id() + " key point has markup: " + kp.text());
      }
      for (Misconception m : rubric.misconceptions()) {
        assertFalse(
            MARKUP.matcher(m.text()).find(), q.id() + " misconception has markup: " + m.text());
      }
    }
  }

  @Test
  void should_load_every_question_of_every_dialect_without_problems() throws IOException {
    try (Stream<Path> files = Files.list(NOTES)) {
      for (Path file :
          files.filter(p -> !p.getFileName().toString().equals("README.md")).toList()) {
        var result = parse(file.getFileName().toString());
        assertEquals(List.of(), result.problems(), file.toString());
        assertFalse(result.questions().isEmpty(), file.toString());
        assertNoMarkupInRubrics(result);
      }
    }
  }

  @Test
  void should_read_hash_headings_with_and_without_a_dot_under_a_title() throws IOException {
    var result = parse("docker-hash.md");
    assertEquals("Docker Interview Notes", result.title());
    assertEquals(List.of("1", "2", "6"), result.questions().stream().map(Question::id).toList());
    assertEquals(
        List.of(
            "What is a container?", "How do image layers work?", "What does docker compose do?"),
        titles(result));
    assertTrue(result.questions().stream().allMatch(q -> q.topic().equals("Docker")));
  }

  @Test
  void should_keep_a_key_points_list_written_with_round_bullets() throws IOException {
    Question container = parse("docker-hash.md").questions().get(0);
    assertEquals(
        List.of(
            "Namespaces give the process its own view of PIDs, mounts and network",
            "Cgroups cap how much CPU and memory it may use",
            "Containers share the host kernel, so they start in milliseconds"),
        container.section("Key Points").orElseThrow().bullets());
  }

  @Test
  void should_skip_the_table_of_contents_back_to_top_links_images_and_the_footer()
      throws IOException {
    var result = parse("docker-hash.md");
    Question layers = result.questions().get(1);
    assertFalse(layers.explanation().contains("layers.png"));
    assertFalse(layers.tip().contains("Back to top"));
    Question compose = result.questions().get(2);
    assertFalse(compose.tip().contains("Star the repo"), compose.tip());
    assertEquals(
        "Mention that services find each other by service name on the default network.",
        compose.tip());
    List<String> reasons = result.skipped().stream().map(SkippedText::reason).toList();
    assertTrue(reasons.contains("footer after the last question"), reasons.toString());
    assertTrue(reasons.contains("image"), reasons.toString());
    assertTrue(reasons.contains("navigation link"), reasons.toString());
  }

  @Test
  void should_keep_a_four_backtick_fence_whole() throws IOException {
    Question compose = parse("docker-hash.md").questions().get(2);
    assertEquals(1, compose.examples().size());
    assertTrue(
        compose.examples().get(0).code().contains("```yaml\nservices:"),
        compose.examples().get(0).code());
  }

  @Test
  void should_make_groups_topics_and_keep_restarted_numbering_apart() throws IOException {
    var result = parse("node-groups.md");
    assertEquals(
        List.of("node-js-1", "node-js-2", "express-1", "express-2"),
        result.questions().stream().map(Question::id).toList());
    assertEquals(
        List.of("Node.js", "Node.js", "Express", "Express"),
        result.questions().stream().map(Question::topic).toList());
    assertEquals(
        "What does process.nextTick do?",
        result.questions().get(1).title(),
        "bold heading unwrapped");
  }

  @Test
  void should_not_glue_takeaways_or_practice_questions_onto_the_last_question() throws IOException {
    Question last = parse("node-groups.md").questions().get(3);
    assertEquals(
        "An error handler is middleware with four arguments; calling next with an error skips to it.",
        last.explanation());
    assertEquals(List.of(), last.sections());
    assertEquals(1, QuestionRubrics.of(last).keyPoints().size());
  }

  @Test
  void should_read_emoji_keycaps_details_answers_and_quoted_tips() throws IOException {
    var result = parse("security-keycaps.md");
    assertEquals("Network Security Notes", result.title());
    assertEquals(List.of("1", "2", "10"), result.questions().stream().map(Question::id).toList());
    Question mitm = result.questions().get(0);
    assertTrue(
        mitm.explanation().startsWith("An attacker sits between two parties"), mitm.explanation());
    assertEquals("Name a concrete defence such as TLS with certificate pinning.", mitm.tip());
    assertEquals(
        List.of("TLS with certificate checks defeats it", "Open Wi-Fi makes it easier"),
        mitm.sections().get(0).bullets());
    Question replay = result.questions().get(1);
    assertTrue(
        replay.explanation().startsWith("The attacker records a valid message"),
        replay.explanation());
    assertEquals(
        "Say that it sits at a boundary and that its rules are checked in order.",
        result.questions().get(2).tip());
  }

  @Test
  void should_read_q_prefixed_headings_answer_labels_and_leave_out_what_is_not_the_answer()
      throws IOException {
    var result = parse("flutter-qprefix.md");
    assertEquals(List.of("4", "5"), result.questions().stream().map(Question::id).toList());
    Question widgets = result.questions().get(0);
    assertEquals(
        "What is the difference between a StatelessWidget and a StatefulWidget?", widgets.title());
    assertEquals("Widgets", widgets.topic());
    assertTrue(
        widgets.explanation().startsWith("A StatelessWidget is rebuilt"), widgets.explanation());
    Rubric rubric = QuestionRubrics.of(widgets);
    String keyPoints = rubric.keyPoints().stream().map(KeyPoint::text).toList().toString();
    for (String notAnswer :
        List.of(
            "Intermediate",
            "Why this is asked",
            "lift state up",
            "InheritedWidget",
            "flutter.dev",
            "lifecycle")) {
      assertFalse(keyPoints.contains(notAnswer), notAnswer + " leaked into " + keyPoints);
    }
    List<String> skippedReasons = result.skipped().stream().map(SkippedText::reason).toList();
    assertTrue(skippedReasons.contains("why this is asked"), skippedReasons.toString());
    assertTrue(skippedReasons.contains("common follow-up questions"), skippedReasons.toString());
  }

  @Test
  void should_turn_a_donts_list_and_not_contrasts_into_misconceptions() throws IOException {
    Question widgets = parse("flutter-qprefix.md").questions().get(0);
    Section donts =
        widgets.sections().stream()
            .filter(s -> s.kind() == Section.Kind.MISCONCEPTIONS)
            .findFirst()
            .orElseThrow();
    assertEquals("Don'ts", donts.parent());
    assertEquals(
        List.of("Call setState inside build", "Keep controllers in a StatelessWidget"),
        donts.bullets());
    List<String> misconceptions =
        QuestionRubrics.of(widgets).misconceptions().stream().map(Misconception::text).toList();
    assertTrue(misconceptions.containsAll(donts.bullets()), misconceptions.toString());

    Question regularization = parse("datasci-qcolon.md").questions().get(1);
    assertTrue(
        QuestionRubrics.of(regularization).misconceptions().stream()
            .anyMatch(m -> m.text().equals("It reduces underfitting")));
  }

  @Test
  void should_read_unnumbered_q_headings_latex_and_display_math() throws IOException {
    var result = parse("datasci-qcolon.md");
    assertEquals(
        List.of("What is the bias-variance tradeoff?", "What does regularization do?"),
        titles(result));
    String explanation = result.questions().get(0).explanation();
    assertTrue(explanation.contains("bias^2 + variance + sigma^2"), explanation);
    assertFalse(explanation.contains("$") || explanation.contains("\\text"), explanation);
    assertTrue(result.questions().get(1).explanation().contains("lambda sum w_i^2"));
  }

  @Test
  void should_read_unnumbered_topic_headings_with_explanation_sections() throws IOException {
    var result = parse("clustering-topics.md");
    assertEquals(List.of("K-Means", "DBSCAN", "Hierarchical Clustering"), titles(result));
    assertEquals("Clustering", result.title());
    assertEquals(
        List.of(
            "You choose k before running it", "It assumes roughly round clusters of similar size"),
        result.questions().get(0).section("Key Points").orElseThrow().bullets());
    List<String> ids = result.questions().stream().map(Question::id).toList();
    assertTrue(ids.get(0).matches("k-means-[0-9a-f]{4}"), ids.toString());
    assertTrue(ids.get(2).matches("hierarchical-[0-9a-f]{4}"), ids.toString());
  }

  @Test
  void should_treat_a_first_line_rule_as_a_rule_and_keep_the_first_question() throws IOException {
    var result = parse("rule-first.md");
    assertEquals(List.of("1", "2"), result.questions().stream().map(Question::id).toList());
    assertEquals("rule-first", result.topic());
  }

  @Test
  void should_keep_every_id_short_enough_for_a_discord_component_id() throws IOException {
    try (Stream<Path> files = Files.list(NOTES)) {
      for (Path file :
          files.filter(p -> !p.getFileName().toString().equals("README.md")).toList()) {
        for (Question q : parse(file.getFileName().toString()).questions()) {
          assertTrue(q.id().length() <= QuestionIds.MAX_ID && !q.id().contains(":"), q.id());
        }
      }
    }
    String longHeading =
        "What is the difference between optimistic and pessimistic locking in databases?";
    assertTrue(
        QuestionIds.unnumbered(
                    QuestionIds.namespace(null, Path.of("a-very-long-file-name-for-notes.md")),
                    longHeading)
                .length()
            <= QuestionIds.MAX_ID);
  }

  @Test
  void should_give_unnumbered_questions_ids_that_survive_reordering_and_edits_elsewhere(
      @TempDir Path dir) throws IOException {
    String text = Files.readString(NOTES.resolve("clustering-topics.md"), StandardCharsets.UTF_8);
    Path file = dir.resolve("clustering-topics.md");
    var before = new MarkdownBankParser().parse(file, text);

    int dbscan = text.indexOf("## DBSCAN");
    int hierarchical = text.indexOf("## Hierarchical");
    String reordered =
        text.substring(0, text.indexOf("## K-Means"))
            + text.substring(hierarchical)
            + "\n"
            + text.substring(dbscan, hierarchical)
            + text.substring(text.indexOf("## K-Means"), dbscan)
                .replace("You choose k", "You pick k");
    var after = new MarkdownBankParser().parse(file, reordered);

    assertEquals(List.of(), after.problems());
    for (Question q : before.questions()) {
      Question moved =
          after.questions().stream()
              .filter(a -> a.title().equals(q.title()))
              .findFirst()
              .orElseThrow();
      assertEquals(q.id(), moved.id(), q.title());
    }
    assertTrue(after.questions().get(0).title().startsWith("Hierarchical"), "really reordered");
  }

  @Test
  void should_skip_breadcrumbs_and_read_an_inline_tip_and_a_plain_answer_label() {
    var result =
        new MarkdownBankParser()
            .parse(
                Path.of("notes/http.md"),
                """
        [Home](../README.md) > [Backend](./README.md) > HTTP

        # HTTP Notes

        [⬅ Previous](./tcp.md) | [Next ➡](./tls.md)

        ## 1. What does a 304 status mean?

        A: The cached copy is still fresh, so the server sends no body.

        **Tip:** Mention the ETag and If-None-Match headers.

        [Home](../README.md) > [Backend](./README.md) > HTTP
        """);
    assertEquals(List.of(), result.problems());
    Question q = result.questions().get(0);
    assertEquals("The cached copy is still fresh, so the server sends no body.", q.explanation());
    assertEquals("Mention the ETag and If-None-Match headers.", q.tip());
    assertEquals("HTTP Notes", result.title());
    assertTrue(
        result.skipped().stream()
            .anyMatch(s -> s.line() == 13 && s.reason().equals("navigation link")),
        result.skipped().toString());
  }
}
