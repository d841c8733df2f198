package dev.interviewtutor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interviewtutor.config.TutorConfig;
import dev.interviewtutor.knowledge.BankLoader;
import dev.interviewtutor.knowledge.Question;
import dev.interviewtutor.knowledge.QuestionBank;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tutor bank preview|import|lint}, run through the real picocli root command in-process. */
class BankToolsCommandTest {
  private static final Path NOTES = Path.of("src/test/resources/notes");
  private static final Path SEED = Path.of("src/test/resources/seeds/interview-questions-71-80.md");

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void
      preview_should_show_title_topic_sections_key_points_misconceptions_tip_and_what_was_skipped() {
    int exit = run("bank", "preview", NOTES.resolve("flutter-qprefix.md").toString());

    assertEquals(0, exit, err.toString());
    String shown = out.toString();
    assertTrue(shown.contains("Title:  Flutter Interview Questions"), shown);
    assertTrue(
        shown.contains(
            "[4] What is the difference between a StatelessWidget and a StatefulWidget?"),
        shown);
    assertTrue(shown.contains("line 5, topic Widgets"), shown);
    assertTrue(shown.contains("Common Mistakes (wrong beliefs, written as \"Don'ts\"):"), shown);
    assertTrue(shown.contains("m1 Call setState inside build"), shown);
    assertTrue(shown.contains("kp1 [2.0] A StatelessWidget is rebuilt"), shown);
    assertTrue(
        shown.contains(
            "line 7 (in 4): facts about the question, not its answer — **Level:** Intermediate"),
        shown);
  }

  @Test
  void preview_should_show_one_question_with_its_tip_and_refuse_an_unknown_id() {
    assertEquals(0, run("bank", "preview", SEED.toString(), "--question", "78"), err.toString());
    String shown = out.toString();
    assertTrue(shown.contains("[78] Heap vs Stack"), shown);
    assertTrue(shown.contains("Tip: Stack overflow ≠ memory leak."), shown);
    assertTrue(shown.contains("m1 Stack overflow is a memory leak"), shown);
    assertFalse(shown.contains("[77]"), shown);

    assertEquals(BankCommand.PROBLEMS, run("bank", "preview", SEED.toString(), "--question", "99"));
    assertTrue(
        err.toString().contains("no question 99 in") && err.toString().contains("71, 72"),
        err.toString());
  }

  @Test
  void preview_should_list_problems_and_exit_non_zero() throws IOException {
    Path bad =
        Files.writeString(
            dir.resolve("bad.md"), "# 1. What Is A?\n\nA.\n\n # 2. What Is B?\n\nB.\n");
    assertEquals(BankCommand.PROBLEMS, run("bank", "preview", bad.toString()));
    assertTrue(
        err.toString()
            .contains(bad + ":5: ` # 2. What Is B?` looks like the heading of question 2"),
        err.toString());
  }

  @Test
  void import_from_anki_should_strip_html_and_write_a_bank_that_loads() throws IOException {
    Path export =
        Files.writeString(
            dir.resolve("networking.txt"),
            String.join(
                "\n",
                "#separator:tab",
                "#html:true",
                "#deck column:3",
                "What is a subnet mask?\tIt splits an address into <b>network</b> and host parts.<br>"
                    + "<ul><li>/24 leaves 8 host bits</li><li>It is ANDed with the address</li></ul>\tStudy::Networking",
                "\"What does ARP do?\"\t\"It maps an IP address to a MAC address &amp; caches the answer.\"\tStudy::Networking",
                ""),
            StandardCharsets.UTF_8);
    Path bankDir = Files.createDirectories(dir.resolve("out"));
    Path target = bankDir.resolve("networking.md");

    int exit =
        run(
            "bank",
            "import",
            "--from",
            "anki",
            export.toString(),
            "--out",
            target.toString(),
            "--first-number",
            "101");

    assertEquals(0, exit, err.toString());
    assertTrue(
        out.toString().contains("Wrote 2 questions (ids 101–102, topic Networking) to " + target),
        out.toString());
    String written = Files.readString(target);
    assertFalse(
        written.contains("<b>") || written.contains("<li>") || written.contains("&amp;"), written);
    QuestionBank bank = BankLoader.load(bankDir);
    Question mask = bank.find("101").orElseThrow();
    assertEquals("What is a subnet mask?", mask.title());
    assertEquals("Networking", mask.topic());
    assertEquals("It splits an address into **network** and host parts.", mask.explanation());
    assertEquals(
        List.of("/24 leaves 8 host bits", "It is ANDed with the address"),
        mask.sections().get(0).bullets());
    assertEquals(
        "It maps an IP address to a MAC address & caches the answer.",
        bank.find("102").orElseThrow().explanation());
  }

  @Test
  void import_from_csv_should_write_one_bank_per_topic_numbered_after_the_knowledge_directory()
      throws IOException {
    Path knowledge = Files.createDirectories(dir.resolve("knowledge"));
    Files.copy(SEED, knowledge.resolve("seed.md"));
    Path csv =
        Files.writeString(
            dir.resolve("cards.csv"),
            String.join(
                "\n",
                "question,answer,topic",
                "What is a mutex?,\"A lock that lets one thread at a time into a critical section, so shared data stays "
                    + "consistent.\",Concurrency",
                "What is a deadlock?,\"Two threads each hold a lock the other needs,\nso neither can continue.\",Concurrency",
                "What is an index?,A structure that finds rows without scanning the whole table.,Databases",
                "What is a view?,,Databases",
                ""),
            StandardCharsets.UTF_8);
    TutorConfig config =
        TutorConfig.fromEnvironment(Map.of("TUTOR_KNOWLEDGE", knowledge.toString()));

    int exit = run(config, "bank", "import", "--from", "csv", csv.toString());

    assertEquals(BankCommand.PROBLEMS, exit, "one row had no answer");
    assertTrue(err.toString().contains(csv + ":6: row has no answer"), err.toString());
    Path concurrency = dir.resolve("cards-concurrency.md");
    Path databases = dir.resolve("cards-databases.md");
    assertTrue(Files.exists(concurrency) && Files.exists(databases), out.toString());
    Files.copy(concurrency, knowledge.resolve("concurrency.md"));
    Files.copy(databases, knowledge.resolve("databases.md"));
    QuestionBank bank = BankLoader.load(knowledge);
    assertEquals(
        "What is a mutex?", bank.find("81").orElseThrow().title(), "numbered after the seed's 80");
    assertTrue(bank.find("82").orElseThrow().explanation().contains("so neither can continue"));
    assertEquals("Databases", bank.find("83").orElseThrow().topic());
    assertEquals("Heap vs Stack", bank.find("78").orElseThrow().title(), "the seed keeps its ids");

    assertEquals(
        BankCommand.PROBLEMS, run(config, "bank", "import", "--from", "csv", csv.toString()));
    assertTrue(
        err.toString().contains("already exists — choose another --out, or add --force"),
        err.toString());
  }

  @Test
  void lint_should_warn_with_file_and_line_and_fail_only_when_strict() throws IOException {
    Path bank =
        Files.writeString(
            dir.resolve("weak.md"),
            String.join(
                "\n",
                "# 1. Process vs Thread",
                "",
                "### Explanation",
                "",
                "A process has its own memory.",
                "",
                "### Key Points",
                "",
                "- Threads share the memory of their process",
                "- Threads share the memory of the process",
                "- It is very important",
                "",
                "### Interview Tip",
                "",
                "A process has its own memory.",
                ""),
            StandardCharsets.UTF_8);

    assertEquals(0, run("bank", "lint", dir.toString()), err.toString());
    String warnings = out.toString();
    assertTrue(
        warnings.contains(bank + ":1: [1] key points kp2 and kp3 say nearly the same"), warnings);
    assertTrue(warnings.contains("\"It is very important\" is too vague to check"), warnings);
    assertTrue(warnings.contains("the tip repeats the explanation"), warnings);
    assertTrue(
        warnings.contains("\"Process\" and \"Thread\" are compared, but no key point names both"),
        warnings);

    assertEquals(BankCommand.PROBLEMS, run("bank", "lint", dir.toString(), "--strict"));
  }

  @Test
  void lint_should_list_acknowledged_warnings_apart_and_pass_strict_with_only_those()
      throws IOException {
    Files.writeString(
        dir.resolve("kept.md"),
        String.join(
            "\n",
            "---",
            "topic: Basics",
            "lint-acknowledged:",
            "  - 1 too-few-key-points: a one-fact question on purpose",
            "---",
            "",
            "# 1. What Does HTTP Stand For?",
            "",
            "### Explanation",
            "",
            "HyperText Transfer Protocol.",
            ""),
        StandardCharsets.UTF_8);

    assertEquals(0, run("bank", "lint", dir.toString(), "--strict"), out.toString());
    String shown = out.toString();
    assertTrue(
        shown.contains("[too-few-key-points] — acknowledged: a one-fact question on purpose"),
        shown);
    assertTrue(
        shown.contains(
            "No warnings in 1 questions (1 acknowledged in the banks' lint-acknowledged: front"
                + " matter, not counted)."),
        shown);
  }

  @Test
  void lint_should_accept_a_comparison_table_and_warn_about_too_few_key_points() {
    assertEquals(
        BankCommand.PROBLEMS, run("bank", "lint", SEED.getParent().toString(), "--strict"));
    String warnings = out.toString();
    assertFalse(
        warnings.contains("\"Heap\" and \"Stack\" are compared"),
        "its table contrasts them: " + warnings);
    assertTrue(warnings.contains(":70: [74] only 2 key points"), warnings);
  }

  private int run(String... args) {
    return run(TutorConfig.defaults(), args);
  }

  private int run(TutorConfig config, String... args) {
    CommandLine cli = TutorCommand.commandLine(new TutorCommand(config), args);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }
}
