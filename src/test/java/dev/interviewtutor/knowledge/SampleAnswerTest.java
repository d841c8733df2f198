package dev.interviewtutor.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SampleAnswerTest {

  @Test
  void should_read_the_label_and_the_answer() {
    assertEquals(
        new SampleAnswer("It replays the log.", 1.0),
        SampleAnswer.parse("correct: It replays the log.").orElseThrow());
    assertEquals(
        new SampleAnswer("A log for recovery", 0.5),
        SampleAnswer.parse("Partially correct — \"A log for recovery\"").orElseThrow());
    assertEquals(0.0, SampleAnswer.parse("wrong - a cache of reads").orElseThrow().quality());
    assertEquals(0.0, SampleAnswer.parse("INCORRECT: a cache").orElseThrow().quality());
  }

  @Test
  void should_not_guess_a_label_that_is_not_there() {
    assertTrue(SampleAnswer.parse("It replays the log.").isEmpty());
    assertTrue(SampleAnswer.parse("correct:").isEmpty());
    assertTrue(SampleAnswer.parse("correctly sized buffers: matter").isEmpty());
  }

  @Test
  void should_read_an_example_answers_section_without_grades_as_content(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
    java.nio.file.Files.writeString(
        dir.resolve("notes.md"),
        String.join(
            "\n",
            "# 1. What does a write-ahead log do?",
            "",
            "### Example Answers",
            "",
            "- It writes every change to the log before the data pages",
            "",
            "# 2. What does a write-ahead log do for a crash?",
            "",
            "### Explanation",
            "",
            "The log is replayed after a crash.",
            "",
            "### Example Answers",
            "",
            "- incorrect: It caches query results",
            ""));
    Map<String, Rubric> rubrics = QuestionRubrics.forBank(BankLoader.load(dir));
    Rubric notes = rubrics.get("1");
    assertTrue(notes.samples().isEmpty());
    assertTrue(
        notes.keyPoints().stream().anyMatch(k -> k.text().contains("before the data pages")),
        notes.keyPoints().toString());
    Rubric graded = rubrics.get("2");
    assertEquals(List.of(new SampleAnswer("It caches query results", 0)), graded.samples());
    assertTrue(graded.keyPoints().stream().noneMatch(k -> k.text().contains("caches")));
  }

  @Test
  void should_change_the_rubric_version_with_its_samples() {
    Rubric plain =
        new Rubric(
            "1",
            "What is a WAL?",
            "",
            List.of(new KeyPoint("kp1", "Changes are logged first", 1, List.of(), "test")),
            List.of(),
            List.of(),
            Map.of(),
            "Changes are logged first.",
            "",
            "v1");
    Rubric with = plain.withSamples(List.of(new SampleAnswer("a cache", 0)));
    assertEquals(1, with.samples().size());
    assertTrue(!with.version().equals(plain.version()));
    assertEquals(plain, plain.withSamples(List.of()));
    List<SampleAnswer> many = new java.util.ArrayList<>();
    for (int i = 0; i < Rubric.MAX_SAMPLES + 5; i++) {
      many.add(new SampleAnswer("answer " + i, i % 2));
    }
    Rubric capped = plain.withSamples(many);
    assertEquals(Rubric.MAX_SAMPLES, capped.samples().size());
    assertEquals("answer 0", capped.samples().get(0).text());
  }
}
