package dev.interviewtutor.knowledge.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interviewtutor.knowledge.BankLoader;
import dev.interviewtutor.knowledge.QuestionBank;
import dev.interviewtutor.knowledge.lint.LintWarning.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link BankLint}: the shipped banks lint clean, and what the lint reads from a bank. */
class BankLintTest {
  @TempDir Path dir;

  @Test
  void every_shipped_bank_passes_the_strict_lint_or_acknowledges_each_warning() {
    QuestionBank shipped =
        BankLoader.load(Path.of(System.getProperty("tutor.knowledgeDir", "knowledge")));

    LintReport report = BankLint.check(shipped);

    assertTrue(
        report.warnings().isEmpty(),
        report.warnings().size()
            + " lint warnings in the shipped banks (fix the bank, or acknowledge the warning with a"
            + " reason in the bank's lint-acknowledged: front matter):\n"
            + report.warnings().stream()
                .map(LintWarning::toString)
                .collect(Collectors.joining("\n")));
    for (LintReport.Acknowledged kept : report.acknowledged()) {
      assertTrue(!kept.reason().isBlank(), "an acknowledgement gives its reason: " + kept);
    }
  }

  @Test
  void should_read_the_compared_concepts_without_the_question_around_them() {
    assertEquals(
        List.of("OAuth 2.0", "OpenID Connect"),
        BankLint.comparedConcepts("OAuth 2.0 vs OpenID Connect: What Is the Difference?"));
    assertEquals(
        List.of("SQL", "NoSQL"), BankLint.comparedConcepts("SQL vs NoSQL: How Do You Choose?"));
    assertEquals(
        List.of("Recursive", "Iterative Queries"),
        BankLint.comparedConcepts("How Does DNS Resolution Work? Recursive vs Iterative Queries"));
    assertEquals(List.of("var", "let", "const"), BankLint.comparedConcepts("var vs let vs const"));
    assertEquals(
        List.of("Microtasks", "Macrotasks"),
        BankLint.comparedConcepts(
            "What Is the Difference Between Microtasks and Macrotasks in Node.js?"));
    assertEquals(
        List.of("Refs", "State"),
        BankLint.comparedConcepts("What Are Refs For, and How Do They Differ From State?"));
    assertEquals(
        List.of("ConcurrentHashMap", "Synchronized HashMap"),
        BankLint.comparedConcepts(
            "ConcurrentHashMap vs a Synchronized HashMap: What Is the Difference?"));
    assertEquals(List.of(), BankLint.comparedConcepts("What Is a Closure?"));
  }

  @Test
  void should_give_a_word_and_its_plural_the_same_stem() {
    assertEquals(BankLint.stem("tuple"), BankLint.stem("tuples"));
    assertEquals(BankLint.stem("query"), BankLint.stem("queries"));
    assertEquals(BankLint.stem("class"), BankLint.stem("classes"));
    assertEquals(BankLint.stem("cache"), BankLint.stem("caches"));
    assertTrue(
        BankLint.words("#private fields and private ones")
            .containsAll(List.of("#privat", "privat")),
        "a # name is told from the plain word");
  }

  @Test
  void should_warn_about_each_concept_of_a_three_way_comparison_that_no_key_point_contrasts()
      throws IOException {
    write(
        "three.md",
        "# 1. var vs let vs const",
        "",
        "### Key Points",
        "",
        "- var is function-scoped, whereas let is block-scoped",
        "- let can be reassigned",
        "- const cannot be reassigned");

    List<LintWarning> warnings = BankLint.lint(BankLoader.load(dir));

    assertEquals(1, warnings.size(), warnings.toString());
    assertEquals(Kind.CONTRAST_MISSING, warnings.get(0).kind());
    assertTrue(
        warnings.get(0).message().contains("names \"const\" and another"), warnings.toString());
  }

  @Test
  void should_warn_about_a_sample_answer_without_a_label() throws IOException {
    List<LintWarning> warnings =
        sampleWarnings(
            Kind.UNLABELLED_SAMPLE_ANSWER,
            List.of(
                "- correct: It logs each change before the data files and replays the log after a"
                    + " crash.",
                "- It is a cache of query results."));

    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).message().contains("It is a cache"), warnings.toString());
  }

  @Test
  void should_warn_when_a_question_has_more_samples_than_the_grader_keeps() throws IOException {
    List<String> samples = new java.util.ArrayList<>();
    for (int i = 0; i <= dev.interviewtutor.knowledge.Rubric.MAX_SAMPLES; i++) {
      samples.add("- incorrect: It caches the results of query number " + i);
    }

    List<LintWarning> warnings = sampleWarnings(Kind.TOO_MANY_SAMPLE_ANSWERS, samples);

    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).message().startsWith("501 sample answers"), warnings.toString());
  }

  /** The warnings of one kind for a write-ahead-log question with these Sample Answers lines. */
  private List<LintWarning> sampleWarnings(Kind kind, List<String> sampleLines) throws IOException {
    List<String> lines =
        new java.util.ArrayList<>(
            List.of(
                "# 1. What does a write-ahead log do?",
                "",
                "### Key Points",
                "",
                "- Changes are written to the log before the data pages",
                "- Replaying the log after a crash restores committed transactions",
                "",
                "### Sample Answers",
                ""));
    lines.addAll(sampleLines);
    write("samples.md", lines.toArray(String[]::new));
    return BankLint.lint(BankLoader.load(dir)).stream().filter(w -> w.kind() == kind).toList();
  }

  @Test
  void should_accept_labelled_bullets_or_a_table_as_the_comparison() throws IOException {
    write(
        "labelled.md",
        "# 1. Latency vs Bandwidth",
        "",
        "### Explanation",
        "",
        "- Latency: delay, measured in milliseconds",
        "- Bandwidth: capacity, measured in bits per second",
        "",
        "### Key Points",
        "",
        "- High latency slows chatty protocols",
        "- A link's capacity is its bandwidth",
        "- Round trips add up",
        "",
        "# 2. Stack vs Heap",
        "",
        "| Area | Holds |",
        "| --- | --- |",
        "| Stack | frames of one thread |",
        "| Heap | objects shared by all threads |",
        "",
        "### Key Points",
        "",
        "- Each thread has its own frames",
        "- Objects live as long as they are reachable",
        "- A full area raises an error");

    assertEquals(List.of(), BankLint.lint(BankLoader.load(dir)));
  }

  @Test
  void should_list_an_acknowledged_warning_with_its_reason_and_not_count_it() throws IOException {
    Path bank =
        write(
            "joins.md",
            "---",
            "topic: SQL",
            "lint-acknowledged:",
            "  - 7 duplicate-key-points: mirror-image facts, each graded on its own",
            "---",
            "",
            "# 7. What Do LEFT and RIGHT JOIN Return?",
            "",
            "### Key Points",
            "",
            "- LEFT JOIN keeps every row of the left table with NULLs for the right side",
            "- RIGHT JOIN keeps every row of the right table with NULLs for the left side",
            "- An inner join keeps only matching rows");

    LintReport report = BankLint.check(BankLoader.load(dir));

    assertEquals(List.of(), report.warnings());
    assertEquals(1, report.acknowledged().size(), report.acknowledged().toString());
    LintReport.Acknowledged kept = report.acknowledged().get(0);
    assertEquals(Kind.DUPLICATE_KEY_POINTS, kept.warning().kind());
    assertEquals("7", kept.warning().questionId());
    assertEquals("mirror-image facts, each graded on its own", kept.reason());
    assertTrue(
        kept.toString().startsWith(bank + ":7: [7] key points kp1 and kp2"), kept.toString());
    assertTrue(
        kept.toString().endsWith("— acknowledged: mirror-image facts, each graded on its own"));
  }

  @Test
  void should_warn_about_an_acknowledgement_that_matches_no_warning_or_is_malformed()
      throws IOException {
    Path bank =
        write(
            "stale.md",
            "---",
            "topic: Networking",
            "lint-acknowledged:",
            "  - 1 contrast-missing: the table used to be missing",
            "  - 2 duplicate-key-points: no such question",
            "  - 1 too vague",
            "reviewed: yes",
            "---",
            "",
            "# 1. TCP vs UDP",
            "",
            "### Key Points",
            "",
            "- TCP is connection-oriented, whereas UDP sends datagrams without a connection",
            "- TCP retransmits lost segments",
            "- UDP has a smaller header");

    List<LintWarning> warnings = BankLint.lint(BankLoader.load(dir));

    assertEquals(3, warnings.size(), warnings.toString());
    assertTrue(
        warnings.stream().allMatch(w -> w.kind() == Kind.ACKNOWLEDGEMENT), warnings.toString());
    assertEquals(bank + ":4", warnings.get(0).location().toString());
    assertTrue(
        warnings.get(0).message().contains("matches no warning — remove it"), warnings.toString());
    assertTrue(
        warnings.get(1).message().contains("no question of this bank has that id"),
        warnings.toString());
    assertTrue(
        warnings.get(2).message().contains("should read `- ID KIND: reason`"), warnings.toString());
  }

  private Path write(String name, String... lines) throws IOException {
    return Files.writeString(
        dir.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }
}
