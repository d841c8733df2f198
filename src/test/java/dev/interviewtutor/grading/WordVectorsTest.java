package dev.interviewtutor.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WordVectorsTest {
  @Test
  void should_keep_content_words_not_in_the_question() {
    assertEquals(
        List.of("pointer", "address"),
        WordVectors.contentWords(
            "A pointer is a variable that stores an address.", Set.of("variabl", "stor")));
  }

  @Test
  void should_credit_each_reference_word_by_its_best_match_in_the_answer() {
    float[] x = {1, 0};
    float[] y = {0, 1};
    float[] diagonal = {(float) Math.sqrt(0.5), (float) Math.sqrt(0.5)};
    // "stores" meets "stored" by stem (1); "address" is nearest "location" (cosine ~0.707)
    double recall =
        WordVectors.softRecall(
            List.of("stores", "address"),
            new float[][] {x, x},
            List.of("stored", "location"),
            new float[][] {y, diagonal});
    assertEquals((1 + Math.sqrt(0.5)) / 2, recall, 1e-6);
    assertEquals(
        0,
        WordVectors.softRecall(List.of("address"), new float[][] {x}, List.of(), new float[0][]));
  }
}
