package dev.interviewtutor.grading.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextUnitsTest {
  @Test
  void should_split_sentences_but_not_code_or_abbreviations() {
    assertEquals(List.of("Use process.memoryUsage() e.g. in a timer.", "Node.js is fast!", "Really?"),
        TextUnits.sentences("Use process.memoryUsage() e.g. in a timer. Node.js is fast! Really?"));
    assertEquals(List.of("one", "two"), TextUnits.sentences("- one\n\n- two"));
  }

  @Test
  void should_split_clauses_at_contrast_and_keep_the_negation_with_its_clause() {
    assertEquals(List.of("Node scales with processes", "not threads per request"),
        TextUnits.clauses("Node scales with processes, not threads per request"));
    assertEquals(List.of("It is fast", "it uses more memory"), TextUnits.clauses("It is fast but it uses more memory"));
  }

  @Test
  void should_find_list_items_inside_a_clause() {
    assertEquals(List.of("Use them for CPU work", "resizing images", "generating PDFs", "encryption"),
        TextUnits.fragments("Use them for CPU work such as resizing images, generating PDFs or encryption"));
    assertEquals(List.of(), TextUnits.fragments("A plain clause"));
  }

  @Test
  void should_detect_negation() {
    assertTrue(TextUnits.negated("A stack overflow is not a memory leak"));
    assertTrue(TextUnits.negated("Stack overflow ≠ memory leak"));
    assertTrue(TextUnits.negated("don't use worker threads for I/O"));
    assertFalse(TextUnits.negated("A stack overflow is a memory leak"));
    assertFalse(TextUnits.negated("Nothingness is knotty")); // whole words only
  }

  @Test
  void should_stem_and_fold_synonyms() {
    Lexicon lex = Lexicon.builtIn();
    assertEquals(lex.term("balancer"), lex.term("balancing"));
    assertEquals(lex.term("processes"), lex.term("process"));
    assertEquals(lex.term("several"), lex.term("multiple"));
    assertEquals(List.of("don't", "know", "node", "js"), Lexicon.tokens("Don't know Node.js"));
    assertFalse(lex.terms("the and of").iterator().hasNext());
  }
}
