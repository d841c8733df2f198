package dev.interviewtutor.grading.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A bank synonym is read as the term it names, as a word of prose only. */
class SynonymCanonTest {
  private static final Map<String, List<String>> SYNONYMS =
      Map.of(
          "minor compaction", List.of("partial compaction", "small compaction"),
          "major compaction", List.of("full compaction", "complete compaction"),
          "sstable", List.of("sorted string table", "table file"),
          "tombstone", List.of("delete marker"));

  private static final List<String> STATEMENTS =
      List.of(
          "Minor vs Major Compaction",
          "A minor compaction merges a few small recent files and runs often",
          "A major compaction rewrites every SSTable into one and drops deleted rows");

  private static SynonymCanon canon() {
    return SynonymCanon.of(SYNONYMS, STATEMENTS, List.of());
  }

  @Test
  void should_read_a_synonym_as_its_term_whole_word_and_case_insensitively() {
    assertEquals(
        "A minor compaction runs often; a major compaction rewrites every SSTable.",
        canon()
            .canonical(
                "A partial compaction runs often; a FULL compaction rewrites every sorted string"
                    + " table."));
  }

  @Test
  void should_keep_the_capital_that_opens_a_sentence() {
    assertEquals("Major compaction is rare.", canon().canonical("Full compaction is rare."));
  }

  @Test
  void should_match_the_longest_synonym_first() {
    Map<String, List<String>> nested =
        Map.of(
            "write-ahead log", List.of("log", "redo log file"),
            "redo", List.of("replay"));
    SynonymCanon c =
        SynonymCanon.of(
            nested, List.of("The write-ahead log lets a crash redo the work"), List.of());
    assertEquals("The write-ahead log is fsynced.", c.canonical("The redo log file is fsynced."));
  }

  @Test
  void should_not_rewrite_inside_identifiers_or_code() {
    SynonymCanon c = canon();
    for (String code :
        List.of(
            "call table_file.close()",
            "the non-full compaction",
            "see full compaction(x)",
            "run `full compaction --now` nightly",
            "the file my.table file")) {
      assertEquals(code, c.canonical(code), "left as written: " + code);
    }
    assertEquals(
        "run `major compaction` nightly",
        c.canonical("run `full compaction` nightly"),
        "a code span that is exactly the synonym is the synonym");
  }

  @Test
  void should_not_rewrite_a_term_through_its_own_shorter_synonym() {
    Map<String, List<String>> s = Map.of("type annotation", List.of("annotation"));
    SynonymCanon c =
        SynonymCanon.of(s, List.of("A type annotation widens the variable"), List.of());
    assertEquals("A type annotation widens it", c.canonical("A type annotation widens it"));
    assertEquals("The type annotation widens it", c.canonical("The annotation widens it"));
  }

  @Test
  void should_apply_only_groups_whose_term_the_rubric_uses() {
    // "tombstone" comes from another question of the bank: this rubric never speaks of it
    assertEquals(
        "a delete marker hides the row", canon().canonical("a delete marker hides the row"));
    assertTrue(canon().mapping().containsKey("full compaction"), canon().mapping().toString());
    assertTrue(!canon().mapping().containsKey("delete marker"), canon().mapping().toString());
  }

  @Test
  void should_leave_a_synonym_the_bank_itself_states_in_its_own_sense() {
    Map<String, List<String>> s = Map.of("identity", List.of("same object"));
    SynonymCanon c =
        SynonymCanon.of(
            s,
            List.of("is compares identity: whether two names refer to the same object"),
            List.of());
    assertEquals(
        "both names refer to the same object", c.canonical("both names refer to the same object"));
  }

  @Test
  void should_read_a_synonym_the_bank_gives_only_as_a_gloss() {
    Map<String, List<String>> s = Map.of("vertical scaling", List.of("scale up"));
    SynonymCanon c =
        SynonymCanon.of(
            s, List.of("Vertical scaling (scale up) adds resources to one machine"), List.of());
    assertEquals("Vertical scaling is simple", c.canonical("Scale up is simple"));
  }

  @Test
  void should_leave_an_alternative_of_two_groups_as_written() {
    Map<String, List<String>> s =
        Map.of("heap", List.of("pool"), "thread pool", List.of("pool", "worker pool"));
    SynonymCanon c =
        SynonymCanon.of(s, List.of("The heap and the thread pool are different"), List.of());
    assertEquals("the pool is busy", c.canonical("the pool is busy"));
    assertEquals("the thread pool is busy", c.canonical("the worker pool is busy"));
  }

  @Test
  void should_rewrite_nothing_without_synonyms() {
    SynonymCanon c = SynonymCanon.of(Map.of(), STATEMENTS, List.of());
    assertTrue(c.isEmpty());
    String text = "A partial compaction runs often.";
    assertEquals(text, c.canonical(text));
  }
}
