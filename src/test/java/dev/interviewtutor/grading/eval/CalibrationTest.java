package dev.interviewtutor.grading.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationTest {
  @Test
  void ridge_recovers_a_linear_relation() {
    List<double[]> x =
        List.of(new double[] {0}, new double[] {1}, new double[] {2}, new double[] {3});
    double[] y = {1, 3, 5, 7}; // y = 2x + 1
    Calibration.Linear fit = Calibration.ridge(x, y, 0);
    assertEquals(9, fit.predict(new double[] {4}), 1e-9);
  }

  @Test
  void isotonic_pools_violators_into_their_mean() {
    // y 1, 3, 2, 4 over x 1..4: the violating pair (3, 2) pools to 2.5
    Calibration.Isotonic iso =
        Calibration.isotonic(new double[] {1, 2, 3, 4}, new double[] {1, 3, 2, 4});
    assertEquals(1, iso.predict(0), 1e-9);
    assertEquals(2.5, iso.predict(2.5), 1e-9);
    assertEquals(4, iso.predict(10), 1e-9);
  }

  @Test
  void expand_appends_squares_then_pairwise_products_of_the_interacting_features() {
    double[] out = Calibration.expand(new double[] {2, 5, 3}, new int[] {0, 2});
    assertArrayEquals(new double[] {2, 5, 3, 4, 9, 6}, out, 1e-12);
    double[] plain = {1, 2};
    assertArrayEquals(plain, Calibration.expand(plain, new int[0]), 1e-12);
  }

  @Test
  void interaction_terms_let_the_regressor_learn_a_product_that_a_line_cannot() {
    // y = 2 + x0 * x1 on a grid; the groups are the rows of the grid, the held-out group is never
    // seen
    List<double[]> x = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    for (int i = -4; i <= 4; i++) {
      for (int j = -4; j <= 4; j++) {
        double a = i / 4.0;
        double b = j / 4.0;
        x.add(new double[] {a, b});
        y.add(2 + a * b);
        groups.add("g" + ((i + 4) % 5));
      }
    }
    double[] yy = y.stream().mapToDouble(d -> d).toArray();
    Calibration.Regressor withProducts =
        Calibration.fitRegressor(x, yy, groups, 5, new int[] {0, 1});
    Calibration.Regressor linear = Calibration.fitRegressor(x, yy, groups, 5, new int[0]);
    double[] probe = {0.9, 0.9};
    assertEquals(2.81, withProducts.predict(probe), 0.1);
    assertTrue(
        Math.abs(linear.predict(probe) - 2.81) > 0.3,
        "a line has no product term: " + linear.predict(probe));
    assertTrue(
        Arrays.stream(Calibration.LAMBDAS).anyMatch(l -> l == withProducts.lambda()),
        "penalty from the grid");
  }

  @Test
  void penalty_defaults_to_one_with_too_few_groups_for_inner_cross_validation() {
    List<double[]> x =
        List.of(new double[] {0}, new double[] {1}, new double[] {2}, new double[] {3});
    Calibration.Regressor r =
        Calibration.fitRegressor(
            x, new double[] {1, 2, 3, 4}, List.of("a", "a", "b", "b"), 5, new int[0]);
    assertEquals(1.0, r.lambda());
  }

  @Test
  void classifier_separates_two_labels_on_one_feature() {
    List<double[]> x =
        List.of(new double[] {0.1}, new double[] {0.2}, new double[] {0.8}, new double[] {0.9});
    Calibration.Classifier c =
        Calibration.fitClassifier(x, List.of("incorrect", "incorrect", "correct", "correct"));
    assertEquals("correct", c.predict(new double[] {0.85}));
    assertEquals("incorrect", c.predict(new double[] {0.15}));
  }
}
