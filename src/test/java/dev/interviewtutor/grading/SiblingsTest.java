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
 * Sibling concepts come from the bank's structure; hyphenated names and "X vs Y" titles included.
 */
class SiblingsTest {
  private static final Map<String, Rubric> BANK =
      QuestionRubrics.forBank(BankLoader.load(Path.of("src/test/resources/grading/trust")));

  private static List<String> names(String id) {
    return Siblings.of(BANK.get(id)).subjects.stream().map(Siblings.Subject::name).toList();
  }

  @Test
  void should_take_hyphenated_names_from_a_difference_between_title() {
    assertEquals(List.of("pass-by-value", "pass-by-reference"), names("9004"));
  }

  @Test
  void should_take_the_two_sides_of_a_versus_title() {
    assertTrue(names("9001").containsAll(List.of("TCP", "UDP")), names("9001").toString());
  }

  @Test
  void should_find_no_siblings_in_a_question_that_compares_nothing() {
    assertTrue(Siblings.of(BANK.get("9002")).subjects.isEmpty(), names("9002").toString());
  }

  @Test
  void should_give_no_sibling_the_claims_of_a_list_item_that_names_the_topic() {
    Siblings s = Siblings.of(BANK.get("9019"));
    assertEquals(List.of("container", "volume"), names("9019"));
    // "pod (containers + volumes + a restart policy)" says what a pod holds, nothing about a volume
    assertTrue(
        s.claims.stream().noneMatch(c -> c.text().contains("restart policy")), s.claims.toString());
    assertTrue(
        s.claims.stream().anyMatch(c -> c.text().contains("storage mounted")), s.claims.toString());
  }

  @Test
  void should_read_a_name_in_apposition_as_what_the_name_before_it_is() {
    Siblings s = Siblings.of(BANK.get("9019"));
    List<Siblings.Segment> runs =
        s.segments("A volume, a container for files that outlives the pod, is mounted by path.");
    assertEquals(1, runs.size(), runs.toString());
    assertEquals("volume", s.subjects.get(runs.get(0).subject()).name());
    assertEquals(
        2, s.segments("A volume outlives the pod, a container does not.").size(), "a clause");
  }

  @Test
  void should_not_take_a_verb_like_a_name_for_the_name() {
    Siblings s = Siblings.of(BANK.get("9020"));
    assertEquals(List.of("call", "apply"), names("9020"));
    List<Siblings.Segment> runs = s.segments("Called with an array, apply spreads it out.");
    assertEquals(1, runs.size(), runs.toString());
    assertEquals("apply", s.subjects.get(runs.get(0).subject()).name());
    assertEquals(1, s.segments("call takes them one by one.").size());
  }

  @Test
  void should_take_a_name_with_a_generic_head_noun_for_the_name_without_it() {
    // "Uncontrolled Components" (from the title) and "Uncontrolled" (a table row) are one thing
    assertEquals(2, names("9021").size(), names("9021").toString());
  }

  @Test
  void should_start_a_run_only_where_a_name_opens_a_clause() {
    Siblings s = Siblings.of(BANK.get("9001"));
    List<Siblings.Segment> runs =
        s.segments("TCP resends lost data, while UDP just sends datagrams over IP.");
    assertEquals(2, runs.size(), runs.toString());
    assertTrue(runs.get(0).claim().startsWith("it resends"), runs.toString());
    assertTrue(
        s.segments("Games often prefer UDP for voice.").isEmpty(),
        "a name inside a clause is an object");
  }

  @Test
  void should_start_a_run_at_a_name_a_sentence_opens_by_choosing() {
    Siblings s = Siblings.of(BANK.get("9001"));
    List<Siblings.Segment> runs = s.segments("Pick UDP for voice calls, TCP for file transfers.");
    assertEquals(2, runs.size(), runs.toString());
    assertTrue(runs.get(0).claim().startsWith("it for voice"), runs.toString());
  }

  @Test
  void should_not_take_code_punctuation_for_a_clause_boundary() {
    Siblings s = Siblings.of(BANK.get("9001"));
    assertTrue(
        s.segments("The app calls socket.connect() on TCP and then send() on UDP.").isEmpty(),
        "names after a call's parentheses or a dotted name are objects");
  }

  @Test
  void should_not_join_a_name_to_a_synonym_that_is_the_previous_claim() {
    // "check on commit" is the bank's synonym for optimistic locking, said here as its claim;
    // "pessimistic locking" after the comma still opens a clause of its own
    Siblings s = Siblings.of(BANK.get("9018"));
    List<Siblings.Segment> runs =
        s.segments(
            "Optimistic locking is check on commit, pessimistic locking means other transactions"
                + " wait for the lock.");
    assertEquals(2, runs.size(), runs.toString());
    assertEquals("Pessimistic Locking", s.subjects.get(runs.get(1).subject()).name());
  }

  @Test
  void should_not_start_a_run_at_a_name_the_sentence_tells_you_not_to_do() {
    Siblings s = Siblings.of(BANK.get("9001"));
    assertTrue(
        s.segments("Don't UDP the login traffic, it has to arrive.").isEmpty(),
        "a prohibition names what to avoid, it says nothing about it");
    assertEquals(1, s.segments("TCP can't lose a byte.").size());
  }

  @Test
  void should_compare_a_claim_without_its_denied_reading_and_definition_frame() {
    assertEquals(
        "\"check with the server before you reuse it\"",
        Siblings.forComparison(
            "it is not \"do not cache\": it means \"check with the server before you reuse it\""));
    assertEquals(
        "the part of a request the cache looks at",
        Siblings.forComparison("it is the part of a request the cache looks at"));
    assertEquals(
        "it is not stored anywhere",
        Siblings.forComparison("it is not stored anywhere"),
        "a negated definition keeps its negation");
    assertEquals("it is", Siblings.forComparison("it is"), "nothing left: unchanged");
  }

  @Test
  void should_swap_check_a_pass_by_value_answer_both_ways() {
    OfflineGrader grader = OfflineGrader.withDefaultModel();
    Grade right =
        grader.grade(
            BANK.get("9004"),
            "With pass-by-value the function gets its own copy, so assigning to the"
                + " parameter leaves the caller's variable alone, whereas with pass-by-reference the parameter is an alias and"
                + " assigning to it changes the caller's variable.");
    Grade swapped =
        grader.grade(
            BANK.get("9004"),
            "With pass-by-reference the function gets its own copy, so"
                + " assigning to the parameter leaves the caller's variable alone, whereas with pass-by-value the parameter is"
                + " an alias and assigning to it changes the caller's variable.");
    assertTrue(right.misconceptions().isEmpty(), right.misconceptions().toString());
    assertTrue(right.score() > swapped.score() + 30, right.score() + " vs " + swapped.score());
    assertTrue(!swapped.misconceptions().isEmpty(), "the swap is named");
  }

  @Test
  void should_name_a_namespaced_sibling_by_its_value_alone() {
    Siblings s = Siblings.of(BANK.get("9006"));
    assertEquals(List.of("Connection: keep-alive", "Connection: close"), names("9006"));
    List<Siblings.Segment> runs =
        s.segments("keep-alive leaves the connection open, whereas close shuts it.");
    assertEquals(2, runs.size(), runs.toString());
    assertEquals(0, runs.get(0).subject());
    assertEquals(1, runs.get(1).subject());
  }

  @Test
  void should_treat_names_joined_by_or_as_one_subject_and_keep_a_but_it_clause_with_its_subject() {
    Siblings s = Siblings.of(BANK.get("9001"));
    assertTrue(
        s.segments("TCP or UDP carries the data between the two programs.").isEmpty(),
        "a claim about both is about neither alone");
    List<Siblings.Segment> runs =
        s.segments("TCP costs a handshake, but it resends whatever is lost.");
    assertEquals(1, runs.size(), runs.toString());
    assertTrue(
        runs.get(0).claim().contains("resends"), "'but it' continues the same subject: " + runs);
  }

  @Test
  void should_merge_a_subject_the_banks_synonyms_call_the_same_concept() {
    List<Siblings.Subject> subjects =
        new java.util.ArrayList<>(
            List.of(
                new Siblings.Subject(
                    "Hash Index",
                    new java.util.ArrayList<>(List.of(List.of("hash", Lexicon.stem("index"))))),
                new Siblings.Subject(
                    "B-tree Index",
                    new java.util.ArrayList<>(
                        List.of(List.of("b", "tree", Lexicon.stem("index"))))),
                new Siblings.Subject(
                    "bucket index",
                    new java.util.ArrayList<>(
                        List.of(List.of(Lexicon.stem("bucket"), Lexicon.stem("index")))))));
    Siblings.addSynonymForms(subjects, Map.of("hash index", List.of("bucket index")));
    assertEquals(
        List.of("Hash Index", "B-tree Index"),
        subjects.stream().map(Siblings.Subject::name).toList());
  }

  @Test
  void should_name_a_subject_by_the_banks_synonyms_for_it() {
    List<Siblings.Subject> subjects =
        new java.util.ArrayList<>(
            List.of(
                new Siblings.Subject(
                    "EXPLAIN", new java.util.ArrayList<>(List.of(List.of("explain")))),
                new Siblings.Subject(
                    "EXPLAIN ANALYZE",
                    new java.util.ArrayList<>(
                        List.of(
                            List.of(
                                "explain",
                                dev.interviewtutor.grading.text.Lexicon.stem("analyze")))))));
    Siblings.addSynonymForms(
        subjects, Map.of("explain analyze", List.of("explain analyse", "explain")));
    List<String> british =
        List.of("explain", dev.interviewtutor.grading.text.Lexicon.stem("analyse"));
    assertTrue(subjects.get(1).forms().contains(british), subjects.get(1).forms().toString());
    // a synonym that is the other sibling's name stays that sibling's
    assertTrue(subjects.get(1).forms().stream().noneMatch(f -> f.equals(List.of("explain"))));
  }

  @Test
  void should_take_a_versioned_name_and_leave_out_the_question_after_the_pair() {
    assertEquals(List.of("HTTP/1.1", "HTTP/2"), names("9009"));
    assertEquals(
        List.of("OAuth 2.0", "OpenID Connect"),
        Siblings.titleSubjects("OAuth 2.0 vs OpenID Connect: What Is the Difference?"));
  }

  @Test
  void should_take_every_side_of_a_title_with_more_than_one_versus() {
    assertEquals(
        List.of("readonly", "const", "as const"),
        Siblings.titleSubjects("readonly vs const vs as const"));
  }

  @Test
  void should_name_a_table_row_without_its_trailing_gloss() {
    // "Write-through (WT)": the text says "write-through", never "write-through (WT)"
    assertEquals(List.of("Write-through", "Write-back"), names("9010"));
  }

  @Test
  void should_name_a_sibling_only_by_its_own_questions_synonyms() {
    Rubric gc = BANK.get("9011");
    // another question's synonym group that happens to contain this question's sibling name
    Map<String, List<String>> bankWide = new java.util.HashMap<>(gc.synonyms());
    bankWide.put("memory region", List.of("old generation", "heap segment", "arena"));
    Rubric leaky =
        new Rubric(
            gc.questionId(),
            gc.question(),
            gc.topic(),
            gc.keyPoints(),
            gc.misconceptions(),
            gc.evidenceTerms(),
            bankWide,
            gc.questionSynonyms(),
            gc.referenceAnswer(),
            gc.tip(),
            gc.version());
    Siblings siblings = Siblings.of(leaky);
    assertEquals(List.of("young generation", "old generation"), names(siblings));
    assertTrue(
        siblings.mentions("an arena holds them").isEmpty(),
        "'arena' is another question's word, not a name of the old generation");
  }

  @Test
  void should_read_a_relative_clause_as_a_claim_about_the_name_before_it() {
    Siblings gc = Siblings.of(BANK.get("9011"));
    List<Siblings.Segment> runs =
        gc.segmentsWithRelatives(
            "Everything is allocated in the old generation, which holds new objects and is swept"
                + " often.");
    assertTrue(
        runs.stream()
            .anyMatch(
                r ->
                    gc.subjects.get(r.subject()).name().equals("old generation")
                        && r.claim().equals("it holds new objects")),
        runs.toString());
    // a relative clause with a subject of its own says nothing of the name before it
    assertTrue(
        gc.segmentsWithRelatives("Objects move to the old generation that the collector sweeps.")
            .isEmpty());
    // nor one after a name without its own article: what it says may be of the phrase before
    assertTrue(
        gc
            .segmentsWithRelatives(
                "A nursery is a region built next to old generation that holds new objects.")
            .stream()
            .noneMatch(r -> r.claim().equals("it holds new objects")));
  }

  @Test
  void should_share_the_head_noun_of_adjective_vs_adjective_noun_titles() {
    java.util.function.Function<String, List<String>> names =
        id ->
            Siblings.of(BankRubricFixtures.bank("project").get(id)).subjects.stream()
                .map(Siblings.Subject::name)
                .toList();
    // "Horizontal vs Vertical Scaling": the bank says "horizontal scaling"
    assertEquals(List.of("Horizontal Scaling", "Vertical Scaling"), names.apply("1702"));
    // "Interface vs Abstract Class": no "interface class" in the bank
    assertTrue(names.apply("1508").contains("Interface"), names.apply("1508").toString());
    assertEquals(List.of("WHERE", "HAVING"), Siblings.titleSubjects("WHERE vs HAVING"));
  }

  @Test
  void should_give_a_table_cell_to_its_column_though_it_names_the_other_column() {
    Siblings s = Siblings.of(BANK.get("9022"));
    int replica = names("9022").indexOf("Replica");
    assertTrue(replica >= 0, names("9022").toString());
    // "Replays the primary's write-ahead log" is in the replica's column
    assertTrue(
        s.claims.stream()
            .anyMatch(c -> c.subject() == replica && c.text().contains("write-ahead log")),
        s.claims.toString());
    assertTrue(
        s.claims.stream()
            .noneMatch(c -> c.subject() != replica && c.text().contains("write-ahead log")),
        s.claims.toString());
  }

  @Test
  void should_name_a_list_item_by_its_label_however_long_the_gloss_in_brackets() {
    Siblings s = Siblings.of(BANK.get("9022"));
    int cgroups = names("9022").indexOf("cgroups");
    int namespaces = names("9022").indexOf("Namespaces");
    assertTrue(cgroups >= 0 && namespaces >= 0, names("9022").toString());
    assertTrue(
        s.claims.stream()
            .anyMatch(c -> c.subject() == cgroups && c.text().contains("how much the database")),
        s.claims.toString());
  }

  @Test
  void should_take_hyphenated_names_made_of_short_words_and_drop_the_titles_head_noun() {
    // "one", "to", "many" are stopwords; the name they make is not. "Many-to-many" (a table row)
    // is the title's "Many-to-Many Relationships"
    assertEquals(List.of("One-to-One", "One-to-Many", "Many-to-Many Relationships"), names("9023"));
  }

  @Test
  void should_read_a_name_after_is_as_what_the_first_name_is() {
    Siblings s = Siblings.of(BANK.get("9023"));
    List<Siblings.Segment> runs =
        s.segments("A many-to-many relationship is just one-to-many twice, through a join table.");
    assertEquals(1, runs.size(), runs.toString());
    assertEquals("Many-to-Many Relationships", s.subjects.get(runs.get(0).subject()).name());
    // a clause of its own still opens a run
    assertEquals(
        2, s.segments("Many-to-many needs a join table, and one-to-many needs only a key.").size());
  }

  @Test
  void should_take_the_columns_of_a_feature_table_as_siblings_when_the_title_names_them() {
    // rows are features ("Hands back", "Typical use"); the title names the columns
    assertEquals(List.of("Queue", "Stack", "Heap"), names("9025"));
    Siblings s = Siblings.of(BANK.get("9025"));
    assertTrue(
        s.claims.stream().anyMatch(c -> c.subject() == 1 && c.text().contains("newest item")),
        s.claims.toString());
  }

  @Test
  void should_take_two_code_names_the_title_asks_about_as_siblings() {
    // "What happens when you call lock() and unlock()?": two things, not one topic
    assertEquals(List.of("lock", "unlock"), names("9026"));
    // a title about one thing still makes it the topic, not a sibling
    assertTrue(names("9002").isEmpty(), names("9002").toString());
  }

  @Test
  void should_take_the_code_name_a_contrasting_clause_opens_with_as_a_sibling() {
    // "`append()` adds its argument as one element ..., while `extend()` adds each item"
    assertTrue(names("9029").containsAll(List.of("append", "extend")), names("9029").toString());
    Siblings s = Siblings.of(BANK.get("9029"));
    int extend = names("9029").indexOf("extend");
    assertTrue(
        s.claims.stream()
            .anyMatch(c -> c.subject() == extend && c.text().contains("each of its items")),
        s.claims.toString());
  }

  @Test
  void should_take_code_names_glossed_in_brackets_side_by_side_as_siblings() {
    assertEquals(List.of("connectTimeout", "readTimeout"), names("9030"));
    Siblings s = Siblings.of(BANK.get("9030"));
    assertTrue(
        s.claims.stream()
            .anyMatch(c -> c.subject() == 1 && c.text().contains("once the connection is open")),
        s.claims.toString());
    // one glossed name is a definition, not a pair of siblings
    assertEquals(
        1,
        Siblings.inlineGlosses(
                "Use timeout (seconds to wait for it) with care.", List.of("timeout", "retries"))
            .size());
  }

  @Test
  void should_name_settings_told_apart_by_their_value_with_the_settings_own_word() {
    assertEquals(List.of("eviction=lru", "eviction=ttl"), names("9032"));
    Siblings s = Siblings.of(BANK.get("9032"));
    assertEquals(1, s.segments("With ttl eviction an entry goes once it is too old.").size());
    // the value alone is no name: it is often a verb ("to delete a key")
    assertTrue(s.segments("Entries you ttl by hand are gone.").isEmpty());
  }

  private static List<String> names(Siblings siblings) {
    return siblings.subjects.stream().map(Siblings.Subject::name).toList();
  }
}
