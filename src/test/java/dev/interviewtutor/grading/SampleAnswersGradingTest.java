package dev.interviewtutor.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interviewtutor.knowledge.BankLoader;
import dev.interviewtutor.knowledge.QuestionRubrics;
import dev.interviewtutor.knowledge.Rubric;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A bank's graded sample answers (src/test/resources/grading/samples: question 9101 with samples,
 * 9102 the same question without) move the shipped grader's score.
 */
class SampleAnswersGradingTest {
  private static final OfflineGrader GRADER = OfflineGrader.withDefaultModel();
  private static final Map<String, Rubric> BANK =
      QuestionRubrics.forBank(BankLoader.load(Path.of("src/test/resources/grading/samples")));

  @Test
  void should_ship_a_fitted_sample_vote() {
    assertTrue(GRADER.calibration().sampleVote().isPresent());
  }

  @Test
  void should_mark_down_a_fluent_wrong_answer_that_a_bank_sample_calls_incorrect() {
    // wrong (the log is written before the commit returns), and nothing in the rubric denies it
    String answer =
        "A background thread writes the changes to the log some seconds after each commit returns,"
            + " and after a crash the database replays the log to recover committed transactions.";
    Grade without = GRADER.grade(BANK.get("9102"), answer);
    Grade with = GRADER.grade(BANK.get("9101"), answer);
    assertTrue(
        with.score() <= without.score() - 20,
        "with samples " + with.score() + ", without " + without.score());
    assertNotEquals(Verdict.CORRECT, with.verdict());
    assertTrue(
        with.notes().stream()
            .anyMatch(
                n ->
                    n.contains("marks incorrect")
                        && n.contains("A background thread copies each change")),
        with.notes().toString());
    assertTrue(without.notes().isEmpty(), without.notes().toString());
  }

  @Test
  void should_keep_a_correct_answer_correct() {
    String answer =
        "Before changing the data files the database first appends the change to the log and"
            + " flushes it; after a crash it replays that log so committed transactions are not"
            + " lost.";
    Grade without = GRADER.grade(BANK.get("9102"), answer);
    Grade with = GRADER.grade(BANK.get("9101"), answer);
    assertEquals(Verdict.CORRECT, with.verdict());
    assertTrue(with.score() >= without.score(), with.score() + " < " + without.score());
  }

  @Test
  void should_read_samples_as_grading_data_not_as_key_points_or_model_answer() {
    Rubric rubric = BANK.get("9101");
    assertEquals(5, rubric.samples().size());
    assertEquals(1.0, rubric.samples().get(0).quality());
    assertEquals(0.5, rubric.samples().get(1).quality());
    assertEquals(0.0, rubric.samples().get(2).quality());
    assertEquals(BANK.get("9102").keyPoints().size(), rubric.keyPoints().size());
    assertTrue(
        rubric.keyPoints().stream().noneMatch(k -> k.text().contains("background thread")),
        rubric.keyPoints().toString());
    assertTrue(!rubric.referenceAnswer().contains("background thread"), rubric.referenceAnswer());
    assertTrue(rubric.misconceptions().stream().noneMatch(m -> m.text().contains("cache")));
  }
}
