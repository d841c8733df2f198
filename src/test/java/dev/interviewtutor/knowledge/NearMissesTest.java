package dev.interviewtutor.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Lines that almost start a question are reported (once, with a fix that works), never merged
 * silently.
 */
class NearMissesTest {
  private static final Path FILE = Path.of("notes/near-misses.md");
  private static final Pattern ADVICE =
      Pattern.compile("write `([^`]+)`|write questions as `([^`]+)`");

  private static MarkdownBankParser.ParseResult parse(String text) {
    return new MarkdownBankParser().parse(FILE, text);
  }

  private static List<String> messages(MarkdownBankParser.ParseResult result) {
    return result.problems().stream().map(BankProblem::toString).toList();
  }

  /** Applies the advice of the problem on {@code line}: the quoted fix replaces that line. */
  private static String follow(String text, BankProblem problem) {
    Matcher advice = ADVICE.matcher(problem.message());
    assertTrue(advice.find(), "the message says how to write it: " + problem);
    String fix = advice.group(1) != null ? advice.group(1) : advice.group(2);
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    lines.set(problem.line() - 1, fix);
    return String.join("\n", lines);
  }

  @Test
  void should_report_a_question_heading_with_a_leading_space_and_advise_a_fix_that_works() {
    String text =
        """
        # 1. What Is a Socket?

        An endpoint for sending and receiving data.

         # 2. What Is a Port?

        A number that picks the service on a host.
        """;
    var result = parse(text);
    assertEquals(1, result.problems().size(), messages(result).toString());
    BankProblem problem = result.problems().get(0);
    assertEquals(5, problem.line());
    assertTrue(
        problem.message().contains("looks like the heading of question 2"), problem.message());
    assertEquals(
        2, result.questions().size(), "the port question is not glued onto the socket question");
    assertTrue(result.questions().get(0).explanation().endsWith("receiving data."));

    var fixed = parse(follow(text, problem));
    assertEquals(List.of(), fixed.problems());
    assertEquals(List.of("1", "2"), fixed.questions().stream().map(Question::id).toList());
  }

  @Test
  void should_report_a_numbered_heading_one_level_too_deep_inside_another_question() {
    String text =
        """
        # Networking

        ## 11. What Is DNS?

        DNS turns names into addresses.

        ### 12 What Is DHCP?

        DHCP hands out addresses to hosts that join a network.

        ## 13. What Is NAT?

        NAT maps private addresses to a public one.
        """;
    var result = parse(text);
    assertEquals(1, result.problems().size(), messages(result).toString());
    BankProblem problem = result.problems().get(0);
    assertEquals(7, problem.line());
    assertTrue(problem.message().contains("looks like question 12"), problem.message());
    assertTrue(problem.message().contains("inside question 11"), problem.message());

    var fixed = parse(follow(text, problem));
    assertEquals(List.of(), fixed.problems(), messages(fixed).toString());
    assertEquals(List.of("11", "12", "13"), fixed.questions().stream().map(Question::id).toList());
    assertEquals("DNS turns names into addresses.", fixed.questions().get(0).explanation());
  }

  @Test
  void should_leave_numbered_steps_inside_a_question_alone() {
    var result =
        parse(
            """
        ## 5. How Do You Deploy?

        ### 1. Build the image

        Run the build.

        ### 2. Push it

        Push to the registry.
        """);
    assertEquals(List.of(), result.problems());
    assertEquals(1, result.questions().size());
    assertEquals(2, result.questions().get(0).sections().size());
  }

  @Test
  void should_report_the_seed_bank_with_its_first_fence_deleted_instead_of_losing_a_question()
      throws IOException {
    List<String> lines =
        new ArrayList<>(Files.readAllLines(SeedBankParserTest.SEED, StandardCharsets.UTF_8));
    int firstBareFence = lines.indexOf("```");
    lines.remove(firstBareFence);
    var result =
        new MarkdownBankParser().parse(SeedBankParserTest.SEED, String.join("\n", lines) + "\n");

    assertEquals(1, result.problems().size(), messages(result).toString());
    BankProblem problem = result.problems().get(0);
    int question72 = lines.indexOf("# 72. What Are Worker Threads?") + 1;
    assertEquals(question72, problem.line(), problem.toString());
    assertTrue(
        problem.message().contains("is inside the code block opened at line"), problem.message());
    assertTrue(problem.message().contains("missing its closing ```"), problem.message());
  }

  @Test
  void should_accept_a_number_without_a_dot_as_a_question_heading() {
    var result =
        parse("# 17 What is Docker Compose?\n\nIt runs a multi-container app from one file.\n");
    assertEquals(List.of(), result.problems());
    assertEquals("17", result.questions().get(0).id());
    assertEquals("What is Docker Compose?", result.questions().get(0).title());
  }

  @Test
  void should_report_many_unnumbered_headings_in_a_numbered_bank_once_with_advice_that_works() {
    StringBuilder text = new StringBuilder("# 1. What Is A?\n\nA is first.\n");
    for (String name : List.of("Worker Pools", "Thread Safety", "Locks")) {
      text.append("\n# ").append(name).append("\n\nSome text about ").append(name).append(".\n");
    }
    var result = parse(text.toString());
    assertEquals(1, result.problems().size(), messages(result).toString());
    BankProblem problem = result.problems().get(0);
    assertEquals(5, problem.line());
    assertTrue(
        problem.message().contains("the same holds for 2 more headings at lines 9, 13"),
        problem.message());

    var fixed = parse(follow(text.toString(), problem));
    assertTrue(
        fixed.questions().stream()
            .anyMatch(q -> q.id().equals("2") && q.title().equals("Worker Pools")),
        fixed.questions().toString());
  }

  @Test
  void should_report_a_file_without_any_question_once_naming_its_headings() {
    var result = parse("Some notes.\n\n## Setup\n\nInstall things.\n\n## Usage\n\nRun things.\n");
    assertEquals(1, result.problems().size(), messages(result).toString());
    String message = result.problems().get(0).message();
    assertTrue(message.startsWith("no questions found"), message);
    assertTrue(message.contains("`## Setup` (line 3)"), message);
  }

  @Test
  void should_sort_problems_by_line() {
    var result =
        parse(
            """
        # 1. What Is A?

        | a | b |
        | 1 | 2 |

        # 2.

        # 3. What Is C?

        ```
        code
        """);
    List<Integer> lines = result.problems().stream().map(BankProblem::line).toList();
    assertEquals(lines.stream().sorted().toList(), lines);
    assertEquals(4, lines.size(), messages(result).toString());
  }
}
