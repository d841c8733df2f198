package dev.interviewtutor.grading.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextUnitsTest {
  @Test
  void should_split_sentences_but_not_code_or_abbreviations() {
    assertEquals(
        List.of("Use process.memoryUsage() e.g. in a timer.", "Node.js is fast!", "Really?"),
        TextUnits.sentences("Use process.memoryUsage() e.g. in a timer. Node.js is fast! Really?"));
    assertEquals(List.of("one", "two"), TextUnits.sentences("- one\n\n- two"));
  }

  @Test
  void should_split_clauses_at_contrast_and_keep_the_negation_with_its_clause() {
    assertEquals(
        List.of("Node scales with processes", "not threads per request"),
        TextUnits.clauses("Node scales with processes, not threads per request"));
    assertEquals(
        List.of("It is fast", "it uses more memory"),
        TextUnits.clauses("It is fast but it uses more memory"));
  }

  @Test
  void should_split_a_consequence_from_its_reason() {
    assertEquals(
        List.of("The nail became a magnet", "you could lift the pins with it."),
        TextUnits.clauses(
            "The nail became a magnet, that is why you could lift the pins with it."));
    assertEquals(
        List.of("The index is sorted", "the lookup is fast."),
        TextUnits.clauses("The index is sorted that's why the lookup is fast."));
  }

  @Test
  void should_split_a_reason_given_with_since() {
    assertEquals(
        List.of(
            "You index every column to make reads faster", "the disk is cheap it costs nothing."),
        TextUnits.clauses(
            "You index every column to make reads faster, and since the disk is cheap it costs"
                + " nothing."));
  }

  @Test
  void should_find_list_items_inside_a_clause() {
    assertEquals(
        List.of("Use them for CPU work", "resizing images", "generating PDFs", "encryption"),
        TextUnits.fragments(
            "Use them for CPU work such as resizing images, generating PDFs or encryption"));
    assertEquals(List.of(), TextUnits.fragments("A plain clause"));
  }

  @Test
  void should_split_a_run_on_clause_at_commas_and_and() {
    assertEquals(
        List.of(
            "You run identical boxes behind nginx",
            "spread the requests across them",
            "keep the app stateless",
            "push slow jobs onto a queue"),
        TextUnits.clauseFragments(
            "You run identical boxes behind nginx and spread the requests across them, keep "
                + "the app stateless, and push slow jobs onto a queue."));
    assertEquals(
        List.of(),
        TextUnits.clauseFragments("Reading and writing files is I/O"),
        "pieces without two content words are not fragments");
  }

  @Test
  void should_name_concepts_through_built_in_and_bank_synonyms() {
    Lexicon builtIn = Lexicon.builtIn();
    assertTrue(builtIn.concepts("We put haproxy in front of the app").contains("load balancer"));
    assertTrue(
        builtIn.concepts("load balancing across processes").contains("load balancer"),
        "stems match");
    assertEquals(
        java.util.Set.of("load balancer"),
        builtIn.headConcepts("Strategy: A load balancer in front of the instances"));
    assertEquals(
        java.util.Set.of(),
        builtIn.headConcepts(
            "A load balancer spreads requests and checks the health of every instance"),
        "a longer claim is about more than the concept it names");
    Lexicon bank =
        Lexicon.withSynonyms(java.util.Map.of("message queue", List.of("bull", "job queue")));
    assertTrue(bank.concepts("jobs go to Bull").contains("message queue"));
    assertTrue(
        bank.terms("jobs go to Bull").containsAll(bank.terms("message queue")),
        "the concept's terms are added");
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

  @Test
  void should_read_what_is_done_without_its_purpose_or_actor() {
    assertEquals(
        "add the Cookie header to the cache key",
        TextUnits.actionCore(
            "To make sure every user gets their own copy, I'd add the Cookie header to the cache"
                + " key so nothing leaks"));
    assertEquals(
        "store each password as an MD5 hash",
        TextUnits.actionCore("To keep logins quick we would store each password as an MD5 hash"));
    assertEquals(
        "set a long max-age on index.html",
        TextUnits.actionCore("I just set a long max-age on index.html so pages load instantly"));
    // nothing to cut, or too little left: the clause itself
    assertEquals("Hash passwords with bcrypt", TextUnits.actionCore("Hash passwords with bcrypt"));
    assertEquals("I do so", TextUnits.actionCore("I do so"));
  }
}
