package dev.interviewtutor.grading.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationTest {
  @Test
  void ridge_recovers_a_linear_relation() {
    List<double[]> x = List.of(new double[] {0}, new double[] {1}, new double[] {2}, new double[] {3});
    double[] y = {1, 3, 5, 7}; // y = 2x + 1
    Calibration.Linear fit = Calibration.ridge(x, y, 0);
    assertEquals(9, fit.predict(new double[] {4}), 1e-9);
  }

  @Test
  void isotonic_pools_violators_into_their_mean() {
    // y 1, 3, 2, 4 over x 1..4: the violating pair (3, 2) pools to 2.5
    Calibration.Isotonic iso = Calibration.isotonic(new double[] {1, 2, 3, 4}, new double[] {1, 3, 2, 4});
    assertEquals(1, iso.predict(0), 1e-9);
    assertEquals(2.5, iso.predict(2.5), 1e-9);
    assertEquals(4, iso.predict(10), 1e-9);
  }

  @Test
  void classifier_separates_two_labels_on_one_feature() {
    List<double[]> x = List.of(new double[] {0.1}, new double[] {0.2}, new double[] {0.8}, new double[] {0.9});
    Calibration.Classifier c = Calibration.fitClassifier(x, List.of("incorrect", "incorrect", "correct", "correct"));
    assertEquals("correct", c.predict(new double[] {0.85}));
    assertEquals("incorrect", c.predict(new double[] {0.15}));
  }
}
