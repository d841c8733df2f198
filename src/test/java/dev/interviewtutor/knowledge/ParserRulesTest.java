package dev.interviewtutor.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Heading, topic and block rules of {@link MarkdownBankParser} beyond what the seed exercises. */
class ParserRulesTest {
  private static final Path FILE = Path.of("knowledge/event-loop.md");

  private static MarkdownBankParser.ParseResult parse(String text) {
    return new MarkdownBankParser().parse(FILE, text);
  }

  @Test
  void should_take_the_topic_from_a_front_matter_line() {
    var result = parse("topic: Node.js Scaling\n\n# 1. What Is A?\n\nA is first.\n");
    assertEquals(List.of(), result.problems());
    assertEquals("Node.js Scaling", result.questions().get(0).topic());
  }

  @Test
  void should_take_the_topic_from_a_yaml_block() {
    var result =
        parse("---\ntitle: Banks\ntopic: \"Event Loop\"\n---\n\n# 1. What Is A?\n\nA is first.\n");
    assertEquals(List.of(), result.problems());
    assertEquals("Event Loop", result.questions().get(0).topic());
  }

  @Test
  void should_fall_back_to_the_file_name_without_extension() {
    var result = parse("# 1. What Is A?\n\nA is first.\n");
    assertEquals("event-loop", result.questions().get(0).topic());
    assertEquals(
        "nodejs-scaling", MarkdownBankParser.topicFromFileName(Path.of("dir/nodejs-scaling.md")));
  }

  @Test
  void should_report_an_unclosed_yaml_block_and_still_read_the_questions() {
    var result = parse("---\ntopic: Loop\n\n# 1. What Is A?\n\nA is first.\n");
    assertEquals(1, result.problems().size(), result.problems().toString());
    assertEquals(1, result.problems().get(0).line());
    assertTrue(result.problems().get(0).message().contains("never closed"));
    assertEquals(1, result.questions().size());
  }

  @Test
  void should_treat_a_bare_numbered_line_as_a_question_only_at_top_level() {
    var result =
        parse(
            """
        79. How Do You Optimize?

        ### Steps

        1. Profile first

        2. Fix the hot path

        ### Order

        1. Only one step

        ### Explanation

        Text.

        80. Next Question?

        | A | B |
        | - | - |
        | x | y |
        """);
    assertEquals(List.of(), result.problems());
    assertEquals(List.of("79", "80"), result.questions().stream().map(Question::id).toList());
    Question first = result.questions().get(0);
    assertEquals(
        List.of("Profile first", "Fix the hot path"),
        first.section("Steps").orElseThrow().bullets());
    assertEquals(List.of("Only one step"), first.section("Order").orElseThrow().bullets());
    assertEquals("Next Question?", result.questions().get(1).title());
  }

  @Test
  void should_not_read_headings_inside_code_fences() {
    var result =
        parse(
            """
        # 1. What Does This Script Do?

        ### Example

        ~~~bash
        # 2. not a question
        echo hi
        ~~~

        ```js
        // 3. nor this
        ```

        ### Interview Tip

        It prints hi.
        """);
    assertEquals(List.of(), result.problems());
    assertEquals(1, result.questions().size());
    assertEquals(
        List.of(
            new CodeExample("Example", "bash", "# 2. not a question\necho hi"),
            new CodeExample("Example", "js", "// 3. nor this")),
        result.questions().get(0).examples());
  }

  @Test
  void should_read_text_under_the_title_as_explanation_and_handle_crlf_and_bom() {
    var result =
        parse("\uFEFF# 1. What Is A?\r\n\r\nA is first.\r\nIt wraps.\r\n\r\nSecond paragraph.\r\n");
    assertEquals(List.of(), result.problems());
    assertEquals(
        "A is first. It wraps.\n\nSecond paragraph.", result.questions().get(0).explanation());
  }

  @Test
  void should_return_to_the_explanation_after_a_bold_label_list() {
    var result =
        parse(
            """
        # 1. What Is A?

        ### Explanation

        A is first.

        **Used for:**

        - Alphabets
          that wrap

        After the list.

        **Bad use case:**
        ❌ Counting (use numbers)
        """);
    Question q = result.questions().get(0);
    assertEquals("A is first.\n\nAfter the list.", q.explanation());
    assertEquals(
        new Section(
            "Used for",
            Section.Kind.BOLD_LABEL,
            "Explanation",
            List.of("Alphabets that wrap"),
            List.of()),
        q.sections().get(0));
    assertEquals(
        List.of("❌ Counting (use numbers)"), q.section("Bad use case").orElseThrow().paragraphs());
    assertEquals("Use A for counting", QuestionRubrics.of(q).misconceptions().get(0).text());
  }

  @Test
  void should_read_a_two_column_table_of_named_things_as_one_statement_per_name() {
    Question keyed =
        parse(
                """
        # 1. Which Boats Carry What?

        ### Explanation

        A barge carries bulk cargo and a tug pushes the barge; a ferry carries people.

        | Boat | Carries |
        | --- | --- |
        | barge | bulk cargo such as coal |
        | ferry | passengers and cars |
        | tug | nothing: it pushes other boats |
        """)
            .questions()
            .get(0);
    assertEquals(
        List.of(
            "barge: bulk cargo such as coal",
            "ferry: passengers and cars",
            "tug: nothing: it pushes other boats"),
        QuestionRubrics.of(keyed).keyPoints().stream()
            .filter(k -> k.origin().equals("table"))
            .map(KeyPoint::text)
            .toList());
    Question compared =
        parse(
                """
        # 1. How Does a Barge Differ from a Ferry?

        ### Explanation

        A barge carries cargo; a ferry carries people.

        | Barge | Ferry |
        | --- | --- |
        | Cargo | People |
        | Pushed | Self-propelled |
        """)
            .questions()
            .get(0);
    assertEquals(
        "Barge: cargo; Ferry: people",
        QuestionRubrics.of(compared).keyPoints().stream()
            .filter(k -> k.origin().equals("table"))
            .findFirst()
            .orElseThrow()
            .text(),
        "a table whose headers are the compared things still compares its columns");
  }

  @Test
  void should_state_a_bad_use_on_its_own_when_the_title_names_no_thing_used() {
    String body =
        "\n\n### Explanation\n\nShips are fast.\n\n### Bad Use Case\n\n❌ Loading every crate by hand\n";
    Question how = parse("# 1. How Do You Load a Ship?" + body).questions().get(0);
    assertEquals(
        "Loading every crate by hand", QuestionRubrics.of(how).misconceptions().get(0).text());
    Question versus = parse("# 1. Cranes vs Forklifts" + body).questions().get(0);
    assertEquals(
        "Loading every crate by hand", QuestionRubrics.of(versus).misconceptions().get(0).text());
    Question what = parse("# 1. What Is a Crane?" + body).questions().get(0);
    assertEquals(
        "Use crane for loading every crate by hand",
        QuestionRubrics.of(what).misconceptions().get(0).text());
  }

  @Test
  void should_report_a_table_without_a_separator_row() {
    var result = parse("# 1. What Is A?\n\n| A | B |\n| x | y |\n");
    assertEquals(1, result.problems().size());
    assertEquals(3, result.problems().get(0).line());
    assertTrue(result.problems().get(0).message().contains("separator row"));
  }

  @Test
  void should_report_the_stray_blocks_before_the_first_question_once() {
    var result = parse("Intro text.\n\n- a bullet\n\n**Label:**\n\n# 1. What Is A?\n\nA.\n");
    // one cause, one message: the first stray line, naming the others
    assertEquals(List.of(1), result.problems().stream().map(BankProblem::line).toList());
    assertTrue(
        result.problems().get(0).message().contains("so do lines 3, 5"),
        result.problems().toString());
    assertEquals(1, result.questions().size());
  }
}
