package dev.interviewtutor.grading.text;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Negation is judged in its scope, on the words two texts share. */
class PolarityTest {
  @Test
  void should_see_a_conflict_only_on_a_shared_word_negated_on_one_side() {
    assertTrue(Polarity.conflict("the page may be stored", "the page may not be stored"));
    assertFalse(Polarity.conflict("never block the event loop", "do not block the event loop"));
    assertFalse(Polarity.conflict("applied entirely or not at all", "applied entirely"));
  }

  @Test
  void should_read_shared_meaning_through_a_lexicon_when_given_one() {
    String run = "it can retain the response";
    String claim = "it forbids keeping any copy";
    assertFalse(Polarity.conflict(run, claim), "by stems alone the texts share no word");
    Lexicon lexicon = Lexicon.withSynonyms(Map.of("keep", List.of("retain")));
    assertTrue(
        Polarity.conflict(run, claim, lexicon::term),
        "retain and keep are one term, negated only in the claim");
  }

  @Test
  void should_read_stops_x_from_as_a_negation_of_what_follows_from() {
    assertTrue(
        Polarity.negatedStems("it stops a property or array from being modified")
            .contains(Lexicon.stem("modified")));
    assertFalse(Polarity.negatesSomething("the pool stops accepting new tasks"));
    assertFalse(Polarity.negatesSomething("the cache keeps a copy of the page"));
  }

  @Test
  void should_read_too_x_to_as_a_negation_of_what_follows_to() {
    // "too large to fit in memory" says it does not fit, as "cannot fit in memory" does
    assertFalse(
        Polarity.conflict(
            "the table is too large to fit in memory", "the table cannot fit in memory"));
    assertTrue(
        Polarity.conflict("the table is too large to fit in memory", "the table fits in memory"));
    // "too" without its "to" negates nothing
    assertFalse(Polarity.conflict("the index is used too", "the index is used"));
  }

  @Test
  void should_not_call_two_denials_of_the_same_thing_a_conflict_when_their_reach_differs() {
    // GIVEN two sentences denying the reassignment, one negation reaching on to "runtime"
    String point = "const prevents reassigning a variable at runtime";
    String explanation =
        "const is JavaScript: it stops a variable from being reassigned, at runtime";
    // THEN they agree; and either still conflicts with a sentence that allows it
    assertFalse(Polarity.conflict(point, explanation));
    assertTrue(Polarity.conflict(point, "const is fine with reassigning a variable at runtime"));
    assertTrue(
        Polarity.conflict("the page may not be stored in any cache", "the page may be stored"));
  }

  @Test
  void should_tell_only_one_from_several() {
    assertTrue(
        Quantities.quantityConflict(
            "a class can extend only one", "A class can extend several abstract classes"));
    assertTrue(Quantities.quantityConflict("it holds many values", "it holds a single value"));
    assertFalse(Quantities.quantityConflict("it holds many values", "it holds multiple values"));
  }

  @Test
  void should_not_read_a_word_said_plainly_too_as_denied() {
    // "server" is negated in the second clause, but the text says "server side" plainly first
    assertFalse(
        Polarity.conflict(
            "it sits on the server side and sends updates, so clients never have to ask the"
                + " server",
            "it runs on the server side"));
    assertTrue(Polarity.conflict("clients never have to ask the server", "clients ask the server"));
  }

  @Test
  void should_end_a_negation_at_the_next_predicate() {
    // "you don't need anymore" is a relative clause: "are still referenced" is not denied
    assertFalse(
        Polarity.conflict(
            "rows you don't need anymore are still indexed", "old rows are still indexed"));
    assertTrue(Polarity.conflict("rows are not indexed", "rows are indexed"));
  }

  @Test
  void should_read_stops_you_doing_as_a_negation_of_the_doing() {
    assertFalse(
        Polarity.conflict(
            "final stops you reassigning the field", "final stops a field from being reassigned"));
    assertTrue(
        Polarity.conflict("final stops you reassigning the field", "you reassign the field"));
  }

  @Test
  void should_tell_only_from_every() {
    assertTrue(
        Quantities.quantityConflict("a clone copies every field", "a clone copies only one"));
    assertTrue(Quantities.quantityConflict("it copies all levels", "it copies only the top level"));
    assertFalse(Quantities.quantityConflict("it copies all levels", "it copies all levels"));
  }

  @Test
  void should_know_a_list_labelled_as_mistakes() {
    assertTrue(Polarity.listsAsWrong("Common misuses: sharing one connection across threads"));
    assertTrue(Polarity.listsAsWrong("Pitfalls: forgetting the index; locking too much"));
    assertFalse(Polarity.listsAsWrong("Use a pool: one connection per thread is wasteful"));
  }

  @Test
  void should_not_read_a_negation_inside_a_quoted_phrase() {
    assertFalse(
        Polarity.conflict(
            "Maybe is the type for \"there might be no value\"", "Maybe is the type for a value"));
    assertTrue(Polarity.conflict("there might be no value", "there is a value"));
  }

  @Test
  void should_know_verbs_that_deny_without_a_negation_word() {
    assertTrue(Polarity.privative("HTTP/2 drops the text framing in favour of binary frames"));
    assertTrue(Polarity.privative("the new API gets rid of callbacks"));
    assertFalse(Polarity.privative("the new API keeps callbacks"));
  }

  @Test
  void should_read_a_negation_that_ends_its_clause_as_denying_the_clause() {
    // "a scan on b alone basically can't" leaves out the verb it denies
    assertTrue(
        Polarity.conflict(
            "a scan on column b alone basically can't", "a scan on column b alone works"));
    assertFalse(Polarity.conflict("a scan on column a works", "a scan on column a works"));
  }

  @Test
  void should_call_a_text_the_opposite_only_where_the_negation_denies_what_the_other_says() {
    java.util.function.Function<String, String> stem = Lexicon::stem;
    // the negation is about treating NAT as a firewall, which the point never says
    String answer =
        "inbound connections need port forwarding, and you shouldn't treat NAT as a firewall";
    String point = "inbound connections through NAT need port forwarding";
    assertTrue(Polarity.conflict(answer, point, stem), "a mistake is still not read into it");
    assertFalse(Polarity.opposite(answer, point, stem));
    assertTrue(
        Polarity.opposite(
            "inbound connections through NAT never need port forwarding", point, stem));
  }

  @Test
  void should_end_a_negation_at_a_comparison() {
    assertFalse(
        Polarity.conflict(
            "the window stops the sender from sending more than the receiver can buffer",
            "the receiver can buffer what arrives"));
    assertTrue(
        Polarity.conflict("it stops the sender from sending more", "the sender is sending more"));
  }

  @Test
  void should_let_instead_of_deny_only_the_thing_it_sets_aside() {
    // the belief says salted hashes fix it; the answer denies exactly that
    assertTrue(
        Polarity.conflict(
            "adding a salt doesn't fix it",
            "Using a salt instead of a pepper fixes weak passwords"));
    assertTrue(Polarity.negatedStems("use a pool instead of connections").contains("connection"));
    assertFalse(Polarity.negatedStems("a pool instead of connections saves time").contains("save"));
  }

  @Test
  void should_know_sentences_that_report_a_belief_as_false() {
    assertTrue(Polarity.listsAsWrong("It's not true that indexes always speed up writes."));
    assertTrue(Polarity.listsAsWrong("A big misconception is that props changes cause it."));
    assertTrue(
        Polarity.listsAsWrong("So it's not really that Redis is magically fast, it is in memory."));
    assertTrue(Polarity.listsAsWrong("Contrary to popular belief, HTTPS hides the path."));
    assertFalse(Polarity.listsAsWrong("It is true that a hash index cannot serve range queries."));
    assertFalse(Polarity.listsAsWrong("The mistake is rare because the compiler checks it."));
  }

  @Test
  void should_read_what_you_do_not_want_as_a_warning() {
    assertTrue(Polarity.prohibits("What you don't want is to retry without a backoff."));
    assertFalse(Polarity.prohibits("What you want is a retry with backoff."));
  }

  @Test
  void should_find_a_warning_inside_a_sentence_and_a_thing_said_to_be_elsewhere() {
    assertTrue(Polarity.warnsAgainst("Pick a key most queries use, and never a timestamp."));
    assertTrue(Polarity.warnsAgainst("Use prepared statements; don't build SQL by concatenation."));
    assertFalse(Polarity.warnsAgainst("A timestamp key never spreads writes, so it is a bad key."));
    assertTrue(Polarity.privative("the header file holds declarations; the code lives elsewhere"));
  }

  @Test
  void should_know_a_clause_that_opens_with_a_negated_condition() {
    assertTrue(Polarity.deniesACondition("Without a WHERE clause, the update touches every row."));
    assertTrue(Polarity.deniesACondition("If you don't set a TTL, keys live forever."));
    assertFalse(Polarity.deniesACondition("Keys without a TTL live forever."));
    assertFalse(Polarity.deniesACondition("If you set a TTL, keys expire."));
    assertTrue(Polarity.deniesACondition("Without them a stuck job can block the queue forever."));
    assertFalse(Polarity.deniesACondition("Without it is how most teams start."));
  }

  @Test
  void should_see_other_costs_once_against_again_and_a_correction_in_passing() {
    assertTrue(
        Quantities.quantityConflict("so a lookup by key is O(log n)", "Lookups by key are O(1)"));
    assertFalse(Quantities.quantityConflict("a lookup is O(1) on average", "Lookups are O(1)"));
    assertTrue(
        Quantities.quantityConflict(
            "an iterator can only be consumed once", "An iterator can be consumed again"));
    assertTrue(Polarity.correctsInPassing("Sockets are files but not regular files."));
    assertTrue(Polarity.correctsInPassing("It copies the reference, not the object."));
    assertFalse(Polarity.correctsInPassing("It is not a copy."));
  }

  @Test
  void should_let_a_negation_run_over_a_list_after_it() {
    assertTrue(
        Polarity.conflict(
            "at runtime you can't call new T(), check instanceof, or overload on the parameter",
            "you can check instanceof at runtime"));
    // a comma that starts a new clause ends the negation
    assertFalse(
        Polarity.conflict(
            "you can't call new T(), so you check instanceof instead",
            "you can check instanceof at runtime"));
  }

  @Test
  void should_read_more_ways_of_reporting_a_belief_and_quoting_it() {
    assertTrue(
        Polarity.listsAsWrong("The point isn't that Redis is fast, it's that it is simple."));
    assertTrue(Polarity.listsAsWrong("People often think a CDN encrypts traffic, but it doesn't."));
    assertFalse(Polarity.listsAsWrong("People use a CDN to cache assets near users."));
    // a single-quoted phrase is named, not asserted
    assertFalse(
        Polarity.conflict(
            "a Result type is meant for 'there might be no value' cases",
            "a Result type is meant for cases where there might be a value"));
    // "re-run" is its own word: denying it says nothing against running once
    assertFalse(Polarity.conflict("the module is not re-run", "the module runs once"));
    assertTrue(Polarity.privative("lists move into their own rows"));
  }
}
