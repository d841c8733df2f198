package dev.interviewtutor.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClaimSupportTest {
  private static final Set<String> QUESTION = Set.of("index", "database");

  private static Set<String> rubricOf(int size) {
    Set<String> terms = new HashSet<>(QUESTION);
    terms.addAll(Set.of("sorted", "pointer", "row", "scan", "table", "write", "disk"));
    for (int i = 0; terms.size() < size; i++) {
      terms.add("term" + i);
    }
    return terms;
  }

  @Test
  void should_measure_support_on_the_clauses_own_terms_only() {
    ClaimSupport support = new ClaimSupport(QUESTION, rubricOf(30));
    // question words are not the clause's own: 2 of 4 own terms are the rubric's
    assertEquals(0.5, support.support(Set.of("index", "sorted", "row", "encrypt", "secure")), 1e-9);
    assertEquals(
        1.0, support.support(Set.of("index", "encrypt", "secure")), 1e-9, "too few to tell");
  }

  @Test
  void should_hold_an_unsupported_clause_below_partial_evidence() {
    ClaimSupport support = new ClaimSupport(QUESTION, rubricOf(30));
    assertTrue(support.judges());
    double e =
        support.clauseEvidence(
            0.7, 0.9, 0.5, 4, support.support(Set.of("counter", "encrypt", "secure", "attacker")));
    assertTrue(e < OfflineGrader.PARTIAL, "evidence " + e);
    double supported =
        support.clauseEvidence(
            0.7, 0.9, 0.5, 4, support.support(Set.of("sorted", "pointer", "row", "scan")));
    assertEquals(0.7, supported, 1e-9);
  }

  @Test
  void should_read_a_clause_sharing_no_claim_term_as_a_paraphrase_only() {
    ClaimSupport support = new ClaimSupport(QUESTION, rubricOf(30));
    double loose =
        support.clauseEvidence(0.5, 0.55, 0, 4, support.support(Set.of("sorted", "row", "table")));
    assertTrue(loose < OfflineGrader.PARTIAL, "a loosely related clause: " + loose);
    double close =
        support.clauseEvidence(0.6, 0.9, 0, 4, support.support(Set.of("sorted", "row", "table")));
    assertTrue(close >= OfflineGrader.PARTIAL, "a close paraphrase still counts: " + close);
  }

  @Test
  void should_leave_a_short_rubric_alone() {
    ClaimSupport support = new ClaimSupport(QUESTION, rubricOf(10));
    assertFalse(support.judges(), "a one-line reference answer leaves most right words unsaid");
    assertEquals(
        0.6,
        support.clauseEvidence(0.6, 0.5, 0, 4, support.support(Set.of("a", "b", "c", "d"))),
        1e-9);
    assertEquals(0.6, support.fragmentEvidence(0.6, 0.5, 0, 4), 1e-9);
  }
}
