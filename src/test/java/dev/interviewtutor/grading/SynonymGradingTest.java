package dev.interviewtutor.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interviewtutor.knowledge.BankLoader;
import dev.interviewtutor.knowledge.QuestionRubrics;
import dev.interviewtutor.knowledge.Rubric;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A person who names a concept by the bank's synonym for it is graded as if they had used the
 * bank's term; a swap of two siblings said in synonyms is still a swap. The bank and the answers
 * are written for this test.
 */
class SynonymGradingTest {
  private static final Rubric COMPACTION =
      QuestionRubrics.forBank(BankLoader.load(Path.of("src/test/resources/grading/synonyms")))
          .get("9103");
  private static final OfflineGrader GRADER = OfflineGrader.withDefaultModel();

  private static final String IN_TERMS =
      "A minor compaction merges a few small recent files and runs often. A major compaction"
          + " rewrites every file into one and drops deleted rows.";

  /**
   * The same answer in the bank's synonyms: read as written, "partial compaction merges a few small
   * recent files and runs often" was nearer the mistake "A major compaction merges a few small
   * recent files and runs often" than the key point (30, mistake named).
   */
  private static final String IN_SYNONYMS =
      "A partial compaction merges a few small recent files and runs often. A full compaction"
          + " rewrites every file into one and drops deleted rows.";

  private static final String SWAPPED_IN_SYNONYMS =
      "A full compaction merges a few small recent files and runs often. A partial compaction"
          + " rewrites every file into one and drops deleted rows.";

  @Test
  void should_grade_an_answer_in_the_banks_synonyms_like_the_same_answer_in_its_terms() {
    Grade terms = GRADER.grade(COMPACTION, IN_TERMS);
    Grade synonyms = GRADER.grade(COMPACTION, IN_SYNONYMS);

    assertTrue(terms.misconceptions().isEmpty(), terms.misconceptions().toString());
    assertTrue(synonyms.misconceptions().isEmpty(), synonyms.misconceptions().toString());
    assertEquals(terms.verdict(), synonyms.verdict());
    assertTrue(
        Math.abs(terms.score() - synonyms.score()) <= 10,
        terms.score() + " in the bank's terms vs " + synonyms.score() + " in its synonyms");
  }

  @Test
  void should_quote_the_answer_in_its_own_words() {
    Grade synonyms = GRADER.grade(COMPACTION, IN_SYNONYMS);

    assertTrue(
        synonyms.keyPoints().stream()
            .filter(k -> !k.evidence().isEmpty())
            .allMatch(k -> IN_SYNONYMS.contains(k.evidence())),
        synonyms.keyPoints().toString());
    assertTrue(
        synonyms.keyPoints().stream().anyMatch(k -> k.evidence().contains("partial compaction")),
        "a quote shows the synonym the person wrote: " + synonyms.keyPoints());
  }

  @Test
  void should_still_catch_a_swap_said_in_synonyms() {
    Grade swapped = GRADER.grade(COMPACTION, SWAPPED_IN_SYNONYMS);

    assertFalse(swapped.misconceptions().isEmpty(), "the swap is named");
    assertTrue(swapped.score() < 40, "swapped: " + swapped.score());
    assertTrue(
        swapped.misconceptions().stream().allMatch(m -> SWAPPED_IN_SYNONYMS.contains(m.evidence())),
        "quoted as written: " + swapped.misconceptions());
  }
}
