package dev.interviewtutor.grading.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-checkable inputs: each expected value is worked out in the comment beside it. */
class MetricsTest {
  private static final double EPS = 1e-9;

  @Test
  void pearson_of_a_perfect_line_is_one_and_of_a_reversed_line_minus_one() {
    assertEquals(1.0, Metrics.pearson(new double[] {1, 2, 3}, new double[] {2, 4, 6}), EPS);
    assertEquals(-1.0, Metrics.pearson(new double[] {1, 2, 3}, new double[] {3, 2, 1}), EPS);
  }

  @Test
  void pearson_of_a_small_sample() {
    // x = 1,2,3,4 ; y = 1,3,2,4 : mean 2.5 each; sxy = 2.25+(-0.25)+(-0.25)+2.25 = 4; sxx = syy = 5
    // → 0.8
    assertEquals(0.8, Metrics.pearson(new double[] {1, 2, 3, 4}, new double[] {1, 3, 2, 4}), EPS);
  }

  @Test
  void spearman_uses_average_ranks_for_ties() {
    assertArrayEquals(
        new double[] {1, 2.5, 2.5, 4}, Metrics.ranks(new double[] {10, 20, 20, 30}), EPS);
    // monotone but not linear → 1
    assertEquals(
        1.0, Metrics.spearman(new double[] {1, 2, 3, 4}, new double[] {1, 10, 100, 1000}), EPS);
  }

  @Test
  void rmse_of_known_errors() {
    // errors 1, -1, 2, 0 → mean square (1+1+4+0)/4 = 1.5
    assertEquals(
        Math.sqrt(1.5), Metrics.rmse(new double[] {1, 2, 3, 4}, new double[] {2, 1, 5, 4}), EPS);
  }

  @Test
  void quadratic_weighted_kappa_is_one_for_agreement_and_known_for_a_small_table() {
    assertEquals(
        1.0, Metrics.quadraticWeightedKappa(new int[] {0, 1, 2}, new int[] {0, 1, 2}, 3), EPS);
    // gold 0,0,1,1 pred 0,1,1,1 with 2 categories: weights w01 = w10 = 1.
    // observed off-diagonal: one (0→1) → num = 1. hist gold = (2,2), pred = (1,3): expected(0,1) =
    // 2*3/4 = 1.5,
    // expected(1,0) = 2*1/4 = 0.5 → den = 2 → kappa = 1 - 1/2 = 0.5
    assertEquals(
        0.5,
        Metrics.quadraticWeightedKappa(new int[] {0, 0, 1, 1}, new int[] {0, 1, 1, 1}, 2),
        EPS);
  }

  @Test
  void accuracy_and_macro_f1_of_a_small_labelling() {
    List<String> gold = List.of("correct", "correct", "incorrect", "incorrect");
    List<String> pred = List.of("correct", "incorrect", "incorrect", "incorrect");
    assertEquals(0.75, Metrics.accuracy(gold, pred), EPS);
    // correct: P = 1/1, R = 1/2 → F1 = 2/3 ; incorrect: P = 2/3, R = 1 → F1 = 0.8 ; macro = (2/3 +
    // 0.8) / 2
    assertEquals((2.0 / 3 + 0.8) / 2, Metrics.macroF1(gold, pred), EPS);
    assertEquals((2.0 / 3 * 2 + 0.8 * 2) / 4, Metrics.weightedF1(gold, pred), EPS);
  }

  @Test
  void percentile_uses_the_nearest_rank() {
    double[] ms = {5, 1, 4, 2, 3};
    assertEquals(3, Metrics.percentile(ms, 0.5), EPS);
    assertEquals(5, Metrics.percentile(ms, 0.99), EPS);
  }
}
