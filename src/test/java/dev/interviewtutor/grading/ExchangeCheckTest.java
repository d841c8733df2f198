package dev.interviewtutor.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interviewtutor.grading.text.Lexicon;
import dev.interviewtutor.knowledge.BankLoader;
import dev.interviewtutor.knowledge.QuestionRubrics;
import dev.interviewtutor.knowledge.Rubric;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two sibling names exchanged where both are only objects of the sentence ("survivors are promoted
 * to the young generation"): found by word order, never for names joined as one subject. Bank
 * question 9011 ({@code grading/trust/contrasts.md}) and the answers were written for these tests.
 */
class ExchangeCheckTest {
  private static final Map<String, Rubric> BANK =
      QuestionRubrics.forBank(BankLoader.load(Path.of("src/test/resources/grading/trust")));
  private static final Rubric GC = BANK.get("9011");
  private static final OfflineGrader GRADER = OfflineGrader.withDefaultModel();

  private static List<ExchangeCheck.Exchange> find(String... sentences) {
    Siblings siblings = Siblings.of(GC);
    List<String> keyPoints = GC.keyPoints().stream().map(k -> k.text()).toList();
    return ExchangeCheck.find(
        siblings, Lexicon.withSynonyms(GC.synonyms()), keyPoints, List.of(sentences));
  }

  @Test
  void should_find_two_names_exchanged_where_neither_opens_a_clause() {
    List<ExchangeCheck.Exchange> found =
        find(
            "New objects are allocated in the old generation and survivors get promoted to the"
                + " young generation.");
    assertEquals(1, found.size(), found.toString());
    assertEquals(0, found.get(0).sentence());
    assertTrue(
        GC.keyPoints().get(found.get(0).keyPoint()).text().startsWith("New objects are allocated"),
        found.toString());
  }

  @Test
  void should_find_nothing_when_the_names_stand_where_the_bank_has_them() {
    assertTrue(
        find(
                "New objects are allocated in the young generation and survivors get promoted to"
                    + " the old generation.",
                "Minor collections scan the young generation often while major collections scan"
                    + " the old generation rarely.")
            .isEmpty());
  }

  @Test
  void should_read_names_joined_as_one_subject_in_either_order() {
    assertTrue(
        find("Minor collections and major collections scan the old generation and the young"
                + " generation.")
            .isEmpty());
  }

  @Test
  void should_name_the_exchange_and_give_no_credit_for_it() {
    Grade g =
        GRADER.grade(
            GC,
            "New objects are allocated in the old generation and the ones that survive are"
                + " promoted to the young generation. Minor collections scan the old generation"
                + " often and major collections scan the young generation rarely.");
    assertTrue(g.score() <= 30, "score " + g.score());
    assertTrue(
        g.misconceptions().stream().anyMatch(m -> m.misconception().contains("wrong way round")),
        g.misconceptions().toString());
  }

  @Test
  void should_not_accuse_the_same_answer_with_the_names_the_right_way_round() {
    Grade g =
        GRADER.grade(
            GC,
            "New objects are allocated in the young generation and the ones that survive are"
                + " promoted to the old generation. Minor collections scan the young generation"
                + " often and major collections scan the old generation rarely, which is cheap"
                + " because most objects die young.");
    assertTrue(g.misconceptions().isEmpty(), g.misconceptions().toString());
    assertTrue(g.score() >= 70, "score " + g.score());
  }
}
