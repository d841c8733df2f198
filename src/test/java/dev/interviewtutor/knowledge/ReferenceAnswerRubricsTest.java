package dev.interviewtutor.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceAnswerRubricsTest {
  private static List<String> points(String reference) {
    return ReferenceAnswerRubrics.of("q", "Question?", reference).keyPoints().stream()
        .map(KeyPoint::text)
        .toList();
  }

  @Test
  void should_make_one_key_point_per_sentence() {
    assertEquals(
        List.of("To simulate the behaviour of portions of the desired software product"),
        points("To simulate the behaviour of portions of the desired software product."));
    assertEquals(
        List.of("A stack is LIFO", "A queue is FIFO"), points("A stack is LIFO. A queue is FIFO."));
  }

  @Test
  void should_split_lists_of_three_or_more_items() {
    assertEquals(
        List.of("a variable name", "a type", "a value"),
        points("a variable name, a type, and a value"));
  }

  @Test
  void should_split_coordinated_clauses_and_semicolons_but_not_short_pairs() {
    assertEquals(
        List.of("the function calls itself", "each call works on a smaller problem"),
        points("the function calls itself and each call works on a smaller problem"));
    assertEquals(
        List.of("push adds on top", "pop removes from top"),
        points("push adds on top; pop removes from top"));
    assertEquals(List.of("salt and pepper"), points("salt and pepper"));
  }

  @Test
  void should_split_list_items_and_weigh_richer_points_more() {
    Rubric r =
        ReferenceAnswerRubrics.of(
            "q", "Q?", "- Load balancing\n- Run several Node processes behind a proxy");
    assertEquals(2, r.keyPoints().size());
    assertTrue(r.keyPoints().get(1).weight() > r.keyPoints().get(0).weight());
    assertEquals("kp2", r.keyPoints().get(1).id());
    assertEquals("reference", r.keyPoints().get(0).origin());
  }

  @Test
  void should_change_version_when_the_reference_changes() {
    Rubric a = ReferenceAnswerRubrics.of("q", "Q?", "A stack is LIFO.");
    Rubric b = ReferenceAnswerRubrics.of("q", "Q?", "A stack is FIFO.");
    assertNotEquals(a.version(), b.version());
    assertEquals(a.version(), ReferenceAnswerRubrics.of("q", "Q?", "A stack is LIFO.").version());
    assertEquals("A stack is LIFO.", a.referenceAnswer());
  }
}
