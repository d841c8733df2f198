package dev.interviewtutor.grading.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class OpeningPronounTest {
  @Test
  void should_find_the_thing_a_title_asks_about() {
    assertEquals("a Bloom filter", OpeningPronoun.subjectOf("What Is a Bloom filter?"));
    assertEquals("the Vary header", OpeningPronoun.subjectOf("What Does the Vary header Do?"));
    assertEquals("a Git tag", OpeningPronoun.subjectOf("What Does a Git tag Contain?"));
    assertEquals(
        "consistent hashing", OpeningPronoun.subjectOf("How Does consistent hashing Work?"));
    assertEquals("NAT", OpeningPronoun.subjectOf("What Is NAT and Why Is It Used?"));
    assertEquals("Refs", OpeningPronoun.subjectOf("What Are Refs For, and How Do They Differ?"));
  }

  @Test
  void should_find_nothing_where_the_title_names_no_one_thing() {
    assertEquals("", OpeningPronoun.subjectOf("What Is the Difference Between TCP and UDP?"));
    assertEquals("", OpeningPronoun.subjectOf("How Do You Roll Back a Deployment?"));
    assertEquals("", OpeningPronoun.subjectOf("What Is TCP vs UDP?"));
    assertEquals("", OpeningPronoun.subjectOf("Why Is the Sky Blue?"));
  }

  @Test
  void should_read_the_opening_pronoun_as_the_subject_and_keep_the_quote() {
    List<TextUnits.Unit> units =
        TextUnits.units("It's a probabilistic set. It never gives false negatives.");
    List<TextUnits.Unit> read = OpeningPronoun.resolve(units, "a Bloom filter", List.of());
    assertEquals("a Bloom filter is a probabilistic set.", read.get(0).text());
    assertEquals("It's a probabilistic set.", read.get(0).sentence());
    // a later "it" refers back within the answer: left alone
    assertEquals(units.get(1), read.get(1));
    assertEquals(
        "a Bloom filter answers membership queries",
        OpeningPronoun.resolve(
                TextUnits.units("It answers membership queries"), "a Bloom filter", List.of())
            .get(0)
            .text());
  }

  @Test
  void should_tell_a_slipped_its_from_the_possessive() {
    assertEquals(
        "a Bloom filter is a probabilistic set",
        OpeningPronoun.resolve(
                TextUnits.units("its a probabilistic set"), "a Bloom filter", List.of())
            .get(0)
            .text());
    assertEquals(
        "a Bloom filter's main use is skipping lookups",
        OpeningPronoun.resolve(
                TextUnits.units("Its main use is skipping lookups"), "a Bloom filter", List.of())
            .get(0)
            .text());
  }

  @Test
  void should_leave_an_answer_that_names_its_subject_alone() {
    List<TextUnits.Unit> units = TextUnits.units("Items are hashed into a bit array.");
    assertEquals(units, OpeningPronoun.resolve(units, "a Bloom filter", List.of()));
    assertEquals(units, OpeningPronoun.resolve(units, "", List.of()));
  }

  @Test
  void should_read_an_opening_they_or_both_as_the_things_compared() {
    List<String> compared = List.of("max-age", "no-cache", "no-store");
    assertEquals(
        "max-age, no-cache and no-store are all Cache-Control directives",
        OpeningPronoun.resolve(
                TextUnits.units("They're all Cache-Control directives"), "", compared)
            .get(0)
            .text());
    assertEquals(
        "Rebase and Merge bring changes from one branch into another",
        OpeningPronoun.resolve(
                TextUnits.units("Both bring changes from one branch into another"),
                "",
                List.of("Rebase", "Merge"))
            .get(0)
            .text());
    // "It" in a comparison has no one thing to be: left alone
    List<TextUnits.Unit> it = TextUnits.units("It rewrites history");
    assertEquals(it, OpeningPronoun.resolve(it, "", List.of("Rebase", "Merge")));
  }
}
