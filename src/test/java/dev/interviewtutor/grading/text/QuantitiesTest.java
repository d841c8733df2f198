package dev.interviewtutor.grading.text;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuantitiesTest {
  @Test
  void should_see_one_against_several_and_things_put_in_the_other_order() {
    assertTrue(
        Quantities.quantityConflict(
            "a struct can only embed one base type", "A struct can embed several base types"));
    assertTrue(
        Quantities.quantityConflict(
            "Redis executes commands on one thread", "Redis executes commands on many threads"));
    assertTrue(
        Quantities.quantityConflict(
            "QUIC needs a single round trip", "QUIC takes two round trips"));
    assertTrue(
        Quantities.quantityConflict(
            "the write-ahead log is flushed before the page is written",
            "pages are written before the log is flushed"));
    assertTrue(
        Quantities.quantityConflict(
            "onload(cb, 1) fires after DOMContentLoaded",
            "onload(cb, 1) fires before DOMContentLoaded"));
    assertTrue(
        Quantities.quantityConflict(
            "a future .thenApply stage runs before the next poll",
            "the poll runs before a future's stage"));
    assertTrue(
        Quantities.quantityConflict(
            "so the index is written before the next query runs",
            "a query runs before the index's write"));
    assertFalse(
        Quantities.quantityConflict(
            "the log is flushed before the commit returns", "the log is flushed before the reply"));
    assertFalse(
        Quantities.quantityConflict("one of the replicas answers", "several replicas answer"));
    // "first ... last" is an order too, and a word may stand on both sides of one text
    assertTrue(
        Quantities.quantityConflict(
            "so you load the schema file and run the migrations first and load the fixtures last",
            "Loading fixtures before running migrations"));
    assertFalse(
        Quantities.quantityConflict(
            "so you load the fixtures first and run the migrations last",
            "Loading fixtures before running migrations"));
    // a dot standing alone is code, not the end of a sentence
    assertTrue(
        Quantities.quantityConflict(
            "install the packages first and COPY the source last", "COPY . . before install"));
  }

  @Test
  void should_set_only_against_every_when_both_are_about_the_same_thing() {
    assertTrue(Quantities.quantityConflict("it copies all levels", "it copies only the top level"));
    assertTrue(
        Quantities.quantityConflict("a clone copies every field", "a clone copies only one"));
    // "only" limits where the tokens are kept; "every" counts the requests: no conflict
    assertFalse(
        Quantities.quantityConflict(
            "we cache the session tokens in process memory, which saves a lookup on every request",
            "Caching session tokens only in process memory, where a restart wipes them"));
  }

  @Test
  void should_need_the_again_of_a_repeated_belief() {
    String belief = "Each request to the pool opens a new connection again";
    assertTrue(
        Quantities.repetitionUnsaid("requests borrow a connection before any query runs", belief));
    assertFalse(
        Quantities.repetitionUnsaid(
            "And every request opens a connection again, which is slow", belief));
    assertFalse(Quantities.repetitionUnsaid("the key is hashed", "The key is hashed"));
    assertFalse(
        Quantities.repetitionUnsaid(
            "prefer X, it's faster", "X is the faster choice for every effect"));
    assertTrue(
        Quantities.universalUnsaid("worst-case lookup is O(log n)", "Lookups are always O(1)"));
    assertFalse(
        Quantities.universalUnsaid(
            "set public on the profile endpoint", "public on /me or any response with user data"));
  }
}
