package dev.interviewtutor.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interviewtutor.UserFacingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BankLoaderTest {
  @TempDir Path dir;

  private static final String GOOD =
      """
      # 1. What Is A?

      ### Explanation

      A is the first letter.
      """;

  @Test
  void should_load_every_bank_except_the_readme_in_file_name_order() throws IOException {
    write("b-second.md", GOOD.replace("1.", "2.").replace("What Is A?", "What Is B?"));
    write("a-first.md", GOOD);
    write("README.md", "# Not a bank\n\nAnything goes here.\n");
    write("notes.txt", "ignored");

    QuestionBank bank = BankLoader.load(dir);

    assertEquals(List.of("1", "2"), bank.questions().stream().map(Question::id).toList());
    assertEquals(List.of("a-first", "b-second"), bank.topics());
  }

  @Test
  void should_load_the_seed_bank_copied_into_a_directory() throws IOException {
    Files.copy(SeedBankParserTest.SEED, dir.resolve("interview-questions-71-80.md"));
    QuestionBank bank = BankLoader.load(dir);
    assertEquals(10, bank.questions().size());
    assertEquals("Heap vs Stack", bank.find("78").orElseThrow().title());
  }

  @Test
  void should_report_every_problem_in_every_file_at_once_with_file_and_line() throws IOException {
    Path noTitle =
        write(
            "a-no-title.md",
            """
        # 1. What Is A?

        ### Explanation

        A is a letter.

        # 2.

        ### Explanation

        Nobody asked.
        """);
    write(
        "b-duplicate.md",
        """
        # 1. What Is A Again?

        ### Explanation

        Said twice.
        """);
    Path stray =
        write(
            "c-stray.md",
            """
        ### Explanation

        Written before any question.

        # 3. What Is C?

        ### Interview Tip

        C comes third.
        """);
    Path fence =
        write(
            "d-fence.md",
            """
        # 4. What Is D?

        ### Example

        ```js
        console.log("d");
        """);
    Path empty = write("e-empty.md", "");
    Path noQuestions =
        write("f-no-questions.md", "Just some notes without any question heading.\n");
    Path badUtf8 = dir.resolve("g-bad-utf8.md");
    byte[] head = "# 7. What Is G?\n\n### Explanation\n\nG is ".getBytes(StandardCharsets.UTF_8);
    byte[] tail = "good.\n".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[head.length + 2 + tail.length];
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[head.length] = (byte) 0xC3; // a lone lead byte, as left by a Latin-1 editor
    bytes[head.length + 1] = (byte) 0x28;
    System.arraycopy(tail, 0, bytes, head.length + 2, tail.length);
    Files.write(badUtf8, bytes);

    BankException error = assertThrows(BankException.class, () -> BankLoader.load(dir));

    List<String> problems = error.problems().stream().map(BankProblem::toString).toList();
    assertHas(problems, noTitle + ":7: question 2 has no title");
    // numbering that starts again in another file is not a clash: both files get qualified ids
    // instead
    assertTrue(problems.stream().noneMatch(p -> p.contains("duplicate")), problems.toString());
    assertHas(
        problems, stray + ":1: the section `### Explanation` comes before the first question");
    assertHas(problems, fence + ":5: code block opened here is never closed");
    assertHas(problems, empty + ":1: the file is empty");
    assertHas(problems, noQuestions + ":1: ");
    assertHas(problems, noQuestions + ":1: no questions found");
    assertHas(problems, badUtf8 + ":5: invalid UTF-8");
    assertTrue(error instanceof UserFacingException);
    for (String problem : problems) {
      assertTrue(error.getMessage().contains(problem), "the message lists " + problem);
      assertTrue(problem.contains(" — "), "says what to fix: " + problem);
    }
  }

  @Test
  void should_name_a_missing_directory() {
    Path missing = dir.resolve("nope");
    BankException error = assertThrows(BankException.class, () -> BankLoader.load(missing));
    assertEquals(1, error.problems().size());
    assertTrue(
        error.getMessage().contains(missing + ": the knowledge directory does not exist"),
        error.getMessage());
    assertTrue(error.getMessage().contains("TUTOR_KNOWLEDGE"), error.getMessage());
  }

  @Test
  void should_refuse_a_directory_without_banks() throws IOException {
    write("README.md", "# Banks\n");
    BankException error = assertThrows(BankException.class, () -> BankLoader.load(dir));
    assertTrue(error.getMessage().contains("no *.md question banks"), error.getMessage());
  }

  @Test
  void should_report_duplicates_within_one_file_naming_both_lines() throws IOException {
    Path file = write("dup.md", GOOD + "\n" + GOOD);
    BankException error = assertThrows(BankException.class, () -> BankLoader.load(dir));
    assertEquals(
        List.of(
            file
                + ":7: duplicate question id 1 — also defined at "
                + file
                + ":1; give each question "
                + "its own number"),
        error.problems().stream().map(BankProblem::toString).toList());
  }

  @Test
  void should_report_a_heading_without_a_number_and_a_question_with_nothing_to_grade()
      throws IOException {
    Path file =
        write(
            "odd.md",
            GOOD
                + "\n# Worker Threads\n\nText.\n\n# 9. What Is Nothing?\n\n### Example\n\n```\nx\n```\n");
    BankException error = assertThrows(BankException.class, () -> BankLoader.load(dir));
    List<String> problems = error.problems().stream().map(BankProblem::toString).toList();
    assertHas(problems, file + ":7: heading `# Worker Threads` has no question number");
    assertHas(problems, file + ":11: question 9 has nothing to grade against");
    assertEquals(2, problems.size(), problems.toString());
  }

  @Test
  void should_qualify_numbers_that_start_again_in_another_file_and_keep_the_seed_numbers()
      throws IOException {
    Files.copy(SeedBankParserTest.SEED, dir.resolve("interview-questions-71-80.md"));
    write("docker.md", "# 1. What Is an Image?\n\nA read-only template for containers.\n");
    write("network.md", "# 1. What Is a Port?\n\nA number that picks a service on a host.\n");

    QuestionBank bank = BankLoader.load(dir);

    assertEquals("What Is an Image?", bank.find("docker/1").orElseThrow().title());
    assertEquals("What Is a Port?", bank.find("network/1").orElseThrow().title());
    assertEquals(
        "Heap vs Stack",
        bank.find("78").orElseThrow().title(),
        "the seed's numbers clash with nobody");
  }

  @Test
  void should_read_subfolders_and_skip_readme_and_hidden_folders() throws IOException {
    Files.createDirectories(dir.resolve("backend/node"));
    Files.createDirectories(dir.resolve(".git"));
    write(
        "backend/node/streams.md",
        "# Streams\n\n## What Is Backpressure?\n\n### Explanation\n\n"
            + "A slow reader makes the writer wait.\n");
    write("backend/README.md", "# About these notes\n");
    write(".git/notes.md", "not a bank\n");
    write("basics.md", GOOD);

    QuestionBank bank = BankLoader.load(dir);

    List<String> ids = bank.questions().stream().map(Question::id).toList();
    assertEquals(2, ids.size(), ids.toString());
    assertTrue(ids.get(0).matches("backpressure-[0-9a-f]{4}"), ids.toString());
    assertEquals("1", ids.get(1));
    assertEquals("Streams", bank.questions().get(0).topic());
  }

  @Test
  void should_keep_group_ids_apart_when_two_files_restart_numbering_in_the_same_groups()
      throws IOException {
    String notes =
        "# Notes\n\n## Basics\n\n### 1. What Is X?\n\nX.\n\n## Advanced\n\n### 1. What Is Y?\n\nY.\n";
    write("first.md", notes);
    write("second.md", notes);
    List<String> ids = BankLoader.load(dir).questions().stream().map(Question::id).toList();
    assertEquals(4, ids.stream().distinct().count(), ids.toString());
    assertTrue(
        ids.stream().allMatch(id -> id.startsWith("basics-1-") || id.startsWith("advanced-1-")),
        ids.toString());
  }

  @Test
  void should_sort_problems_by_file_then_line() throws IOException {
    write("b.md", "# 1. What Is B?\n\n### Explanation\n\nB.\n\n# 1. Again?\n\nB twice.\n");
    write("a.md", "# 5.\n\ntext\n\n# 6. What?\n\n| x | y |\n| 1 | 2 |\n");
    BankException error = assertThrows(BankException.class, () -> BankLoader.load(dir));
    List<String> where =
        error.problems().stream().map(p -> p.file().getFileName() + ":" + p.line()).toList();
    assertEquals(List.of("a.md:1", "a.md:7", "b.md:7"), where);
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  private static void assertHas(List<String> problems, String prefix) {
    assertTrue(
        problems.stream().anyMatch(p -> p.startsWith(prefix)),
        "expected a problem starting with <" + prefix + "> in " + String.join("\n", problems));
  }

  @Test
  void
      a_user_question_with_a_shipped_id_gets_another_stable_id_and_the_shipped_question_keeps_its_own()
          throws IOException {
    Path shipped = Files.createDirectories(dir.resolve("shipped"));
    Files.writeString(
        shipped.resolve("java.md"), GOOD.replace("1.", "1501."), StandardCharsets.UTF_8);
    Path knowledge = Files.createDirectories(dir.resolve("knowledge"));
    Files.writeString(
        knowledge.resolve("java.md"), GOOD.replace("1.", "1501."), StandardCharsets.UTF_8);
    Files.writeString(
        knowledge.resolve("docker.md"),
        GOOD.replace("1.", "1501.").replace("What Is A?", "What Is A Layer?"),
        StandardCharsets.UTF_8);
    Files.writeString(
        knowledge.resolve("mine.md"), GOOD.replace("1.", "7."), StandardCharsets.UTF_8);

    QuestionBank bank = BankLoader.load(knowledge, java.util.Optional.of(shipped));
    QuestionBank again = BankLoader.load(knowledge, java.util.Optional.of(shipped));

    assertEquals(
        "What Is A?", bank.find("1501").orElseThrow().title(), "the shipped question keeps 1501");
    assertEquals(
        "What Is A Layer?",
        bank.find("docker/1501").orElseThrow().title(),
        "the user's question is namespaced by its file");
    assertEquals(
        "What Is A?",
        bank.find("7").orElseThrow().title(),
        "ids no shipped bank has stay as written");
    assertEquals(
        bank.questions().stream().map(Question::id).toList(),
        again.questions().stream().map(Question::id).toList(),
        "stable from one load to the next");

    Files.delete(knowledge.resolve("java.md"));
    QuestionBank withoutShippedFile = BankLoader.load(knowledge, java.util.Optional.of(shipped));
    assertEquals(
        "1501",
        withoutShippedFile.questions().get(0).id(),
        "a directory that replaces the shipped banks keeps its own ids: nothing collides");
    assertEquals(
        "1501",
        BankLoader.load(knowledge).questions().get(0).id(),
        "without shipped banks: as before");
  }
}
