package dev.interviewtutor.grading.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interviewtutor.UserFacingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledFileTest {
  @Test
  void should_read_quoted_fields_that_hold_commas_quotes_and_line_breaks(@TempDir Path dir)
      throws Exception {
    Path f = dir.resolve("a.csv");
    Files.writeString(
        f,
        "\uFEFFquestion, answer ,score\n"
            + "Q1,\"one, two\",5\n"
            + "Q2,\"she said \"\"hi\"\"\n and left\",3\n"
            + "\n"
            + "Q3,plain,0\n");
    LabelledFile file = LabelledFile.read(f);
    assertEquals(List.of("question", "answer", "score"), file.header());
    assertEquals(3, file.rows().size());
    assertEquals("one, two", file.rows().get(0).get("answer"));
    assertEquals("she said \"hi\"\n and left", file.rows().get(1).get("answer"));
    assertEquals(2, file.rows().get(0).line());
    assertEquals(3, file.rows().get(1).line());
    assertEquals(
        6,
        file.rows().get(2).line(),
        "the line the row starts on, after a two-line field and a blank line");
    assertEquals(3, file.rows().get(2).row());
  }

  @Test
  void should_read_tab_separated_files_with_csv_style_quotes(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("a.tsv");
    Files.writeString(
        f,
        "question\tstudent_answer\tlabel_2way\n"
            + "\"What is your \"\"rule\"\"?\"\tIt has seeds, so it is a fruit.\tcorrect\n");
    LabelledFile file = LabelledFile.read(f);
    assertEquals("What is your \"rule\"?", file.rows().get(0).get("question"));
    assertEquals("It has seeds, so it is a fruit.", file.rows().get(0).get("student_answer"));
  }

  @Test
  void should_name_file_and_line_of_a_row_with_the_wrong_number_of_fields(@TempDir Path dir)
      throws Exception {
    Path f = dir.resolve("bad.csv");
    Files.writeString(f, "question,answer,score\nQ1,A,5\nQ2,A,with,comma\n");
    UserFacingException e = assertThrows(UserFacingException.class, () -> LabelledFile.read(f));
    assertTrue(e.getMessage().startsWith(f + ":3: 4 fields, but the header has 3"), e.getMessage());
  }

  @Test
  void should_say_a_missing_or_empty_file_plainly(@TempDir Path dir) throws Exception {
    UserFacingException missing =
        assertThrows(UserFacingException.class, () -> LabelledFile.read(dir.resolve("no.csv")));
    assertTrue(missing.getMessage().endsWith("no such file"), missing.getMessage());
    Path empty = dir.resolve("empty.csv");
    Files.writeString(empty, "");
    UserFacingException e = assertThrows(UserFacingException.class, () -> LabelledFile.read(empty));
    assertTrue(e.getMessage().contains("empty file"), e.getMessage());
  }
}
