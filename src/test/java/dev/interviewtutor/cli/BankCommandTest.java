package dev.interviewtutor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interviewtutor.config.TutorConfig;
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

/** {@code tutor bank validate|list}, run through the real picocli root command in-process. */
class BankCommandTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void validate_should_exit_zero_with_a_summary_for_good_banks() throws IOException {
    Files.copy(
        Path.of("src/test/resources/seeds/interview-questions-71-80.md"), dir.resolve("seed.md"));

    int exit = run(TutorConfig.defaults(), "bank", "validate", dir.toString());

    assertEquals(0, exit, err.toString());
    assertTrue(out.toString().startsWith("OK: 10 questions in 1 file"), out.toString());
    assertTrue(out.toString().contains("topics: seed"), out.toString());
    assertEquals("", err.toString());
  }

  @Test
  void validate_should_check_one_bank_file_given_instead_of_a_directory() throws IOException {
    Path good =
        Files.copy(
            Path.of("src/test/resources/seeds/interview-questions-71-80.md"),
            dir.resolve("seed.md"));
    Path broken =
        Files.writeString(dir.resolve("broken.md"), "# 1.\n\nNo title.\n", StandardCharsets.UTF_8);

    int exit = run(TutorConfig.defaults(), "bank", "validate", good.toString());

    assertEquals(0, exit, err.toString());
    assertTrue(out.toString().startsWith("OK: 10 questions in 1 file (" + good), out.toString());
    assertEquals(
        BankCommand.PROBLEMS, run(TutorConfig.defaults(), "bank", "validate", broken.toString()));
    assertTrue(err.toString().contains(broken + ":1: question 1 has no title"), err.toString());
  }

  @Test
  void validate_should_print_every_problem_and_exit_non_zero() throws IOException {
    Path a =
        Files.writeString(
            dir.resolve("a.md"), "# 1.\n\n### Explanation\n\nNo title.\n", StandardCharsets.UTF_8);
    Path b =
        Files.writeString(
            dir.resolve("b.md"), "# 2. Fine?\n\n```\nnever closed\n", StandardCharsets.UTF_8);
    Path c = Files.writeString(dir.resolve("c.md"), "", StandardCharsets.UTF_8);

    int exit = run(TutorConfig.defaults(), "bank", "validate", dir.toString());

    assertEquals(BankCommand.PROBLEMS, exit);
    String printed = err.toString();
    assertTrue(printed.contains(a + ":1: question 1 has no title"), printed);
    assertTrue(printed.contains(b + ":3: code block opened here is never closed"), printed);
    assertTrue(printed.contains(c + ":1: the file is empty"), printed);
    assertTrue(printed.startsWith("4 problems in the question banks:"), printed);
    assertTrue(printed.contains(b + ":1: question 2 has nothing to grade against"), printed);
    assertEquals("", out.toString());
  }

  @Test
  void validate_should_use_the_knowledge_directory_from_the_environment_or_the_root_option()
      throws IOException {
    Files.copy(
        Path.of("src/test/resources/seeds/interview-questions-71-80.md"), dir.resolve("seed.md"));
    TutorConfig fromEnvironment =
        TutorConfig.fromEnvironment(Map.of("TUTOR_KNOWLEDGE", dir.toString()));
    assertEquals(0, run(fromEnvironment, "bank", "validate"), err.toString());

    Path missing = dir.resolve("missing");
    assertEquals(
        BankCommand.PROBLEMS,
        run(fromEnvironment, "--knowledge", missing.toString(), "bank", "validate"));
    assertTrue(
        err.toString().contains(missing + ": the knowledge directory does not exist"),
        err.toString());
  }

  @Test
  void list_should_print_aligned_columns_of_id_title_topic_and_key_point_count()
      throws IOException {
    Files.copy(
        Path.of("src/test/resources/seeds/interview-questions-71-80.md"), dir.resolve("seed.md"));

    int exit = run(TutorConfig.defaults(), "bank", "list", "--knowledge", dir.toString());

    assertEquals(0, exit, err.toString());
    List<String> lines = out.toString().lines().toList();
    assertEquals(11, lines.size(), out.toString());
    assertTrue(lines.get(0).matches("ID +TITLE +TOPIC +KEY POINTS"), lines.get(0));
    assertTrue(lines.get(1).matches("71 +How Does Node\\.js Scale\\? +seed +6"), lines.get(1));
    assertTrue(lines.get(8).matches("78 +Heap vs Stack +seed +4"), lines.get(8));
    int topicColumn = lines.get(0).indexOf("TOPIC");
    for (String line : lines.subList(1, lines.size())) {
      assertEquals(topicColumn, line.indexOf("seed"), "topic column aligned: " + line);
    }
  }

  @Test
  void list_should_show_the_projects_own_bank() {
    int exit = run(TutorConfig.defaults(), "bank", "list", "knowledge");
    assertEquals(0, exit, err.toString());
    assertTrue(out.toString().contains("Node.js Scaling"), out.toString());
  }

  private int run(TutorConfig config, String... args) {
    CommandLine cli = TutorCommand.commandLine(new TutorCommand(config), args);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }
}
