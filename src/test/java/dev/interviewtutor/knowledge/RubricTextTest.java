package dev.interviewtutor.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How a table cell or a label reads inside a sentence. */
class RubricTextTest {
  @Test
  void should_lower_an_ordinary_first_word_but_keep_a_name_as_written() {
    assertEquals("many users", RubricText.lowerFirst("Many users"));
    assertEquals(
        "StackOverflowError on deep recursion",
        RubricText.lowerFirst("StackOverflowError on deep recursion"));
    assertEquals("JavaScript only", RubricText.lowerFirst("JavaScript only"));
    assertEquals("Node.js streams", RubricText.lowerFirst("Node.js streams"));
    assertEquals("HTTP", RubricText.lowerFirst("HTTP"));
  }
}
