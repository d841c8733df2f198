package dev.interviewtutor.grading.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * What {@code tutor eval} may fit on training rows: a ridge regression from grader features to the
 * gold scale, followed by an isotonic (monotone) correction, and one-vs-rest ridge classifiers for
 * labels.
 */
public final class Calibration {
  private Calibration() {}

  /** A fitted linear model over standardised features. */
  public record Linear(double[] mean, double[] scale, double[] weights, double intercept) {
    public double predict(double[] x) {
      double y = intercept;
      for (int j = 0; j < weights.length; j++) {
        y += weights[j] * (x[j] - mean[j]) / scale[j];
      }
      return y;
    }
  }

  /** Ridge regression (L2 penalty lambda on standardised features) by the normal equations. */
  public static Linear ridge(List<double[]> x, double[] y, double lambda) {
    int n = x.size();
    int d = x.get(0).length;
    double[] mean = new double[d];
    double[] scale = new double[d];
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        mean[j] += row[j] / n;
      }
    }
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
      }
    }
    for (int j = 0; j < d; j++) {
      scale[j] = scale[j] < 1e-12 ? 1 : Math.sqrt(scale[j]);
    }
    double yMean = Arrays.stream(y).average().orElse(0);
    double[][] a = new double[d][d + 1];
    for (int i = 0; i < n; i++) {
      double[] z = new double[d];
      for (int j = 0; j < d; j++) {
        z[j] = (x.get(i)[j] - mean[j]) / scale[j];
      }
      for (int j = 0; j < d; j++) {
        for (int k = 0; k < d; k++) {
          a[j][k] += z[j] * z[k];
        }
        a[j][d] += z[j] * (y[i] - yMean);
      }
    }
    for (int j = 0; j < d; j++) {
      a[j][j] += lambda;
    }
    return new Linear(mean, scale, solve(a, d), yMean);
  }

  private static double[] solve(double[][] a, int d) {
    for (int col = 0; col < d; col++) {
      int pivot = col;
      for (int r = col + 1; r < d; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
          pivot = r;
        }
      }
      double[] t = a[col];
      a[col] = a[pivot];
      a[pivot] = t;
      if (Math.abs(a[col][col]) < 1e-12) {
        continue;
      }
      for (int r = 0; r < d; r++) {
        if (r != col) {
          double f = a[r][col] / a[col][col];
          for (int c = col; c <= d; c++) {
            a[r][c] -= f * a[col][c];
          }
        }
      }
    }
    double[] w = new double[d];
    for (int j = 0; j < d; j++) {
      w[j] = Math.abs(a[j][j]) < 1e-12 ? 0 : a[j][d] / a[j][j];
    }
    return w;
  }

  /**
   * A monotone non-decreasing step function fitted by pool-adjacent-violators; interpolates between
   * steps.
   */
  public record Isotonic(double[] xs, double[] ys) {
    public double predict(double x) {
      if (xs.length == 0) {
        return x;
      }
      if (x <= xs[0]) {
        return ys[0];
      }
      if (x >= xs[xs.length - 1]) {
        return ys[ys.length - 1];
      }
      int i = Arrays.binarySearch(xs, x);
      if (i >= 0) {
        return ys[i];
      }
      int hi = -i - 1;
      int lo = hi - 1;
      double t = (x - xs[lo]) / (xs[hi] - xs[lo]);
      return ys[lo] + t * (ys[hi] - ys[lo]);
    }
  }

  public static Isotonic isotonic(double[] x, double[] y) {
    Integer[] order = new Integer[x.length];
    for (int i = 0; i < x.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> x[i]));
    List<double[]> blocks = new ArrayList<>(); // {sumY, count, maxX, minX}
    for (int idx : order) {
      blocks.add(new double[] {y[idx], 1, x[idx], x[idx]});
      while (blocks.size() > 1) {
        double[] last = blocks.get(blocks.size() - 1);
        double[] prev = blocks.get(blocks.size() - 2);
        if (prev[0] / prev[1] <= last[0] / last[1]) {
          break;
        }
        prev[0] += last[0];
        prev[1] += last[1];
        prev[2] = last[2];
        blocks.remove(blocks.size() - 1);
      }
    }
    double[] xs = new double[blocks.size()];
    double[] ys = new double[blocks.size()];
    for (int i = 0; i < blocks.size(); i++) {
      double[] b = blocks.get(i);
      xs[i] = (b[2] + b[3]) / 2;
      ys[i] = b[0] / b[1];
    }
    // midpoints can collide for single-valued blocks; keep xs strictly increasing
    for (int i = 1; i < xs.length; i++) {
      if (xs[i] <= xs[i - 1]) {
        xs[i] = Math.nextUp(xs[i - 1]);
      }
    }
    return new Isotonic(xs, ys);
  }

  /**
   * Ridge then isotonic: features → gold scale, clamped to [0, max]. The ridge sees the features
   * plus the squares and pairwise products of the {@code interacting} ones; {@code lambda} is the
   * penalty it was fitted with.
   */
  public record Regressor(
      Linear linear, Isotonic isotonic, double max, int[] interacting, double lambda) {
    public double predict(double[] x) {
      return Math.max(0, Math.min(max, isotonic.predict(linear.predict(expand(x, interacting)))));
    }
  }

  /** Penalties tried when the penalty is chosen by inner cross-validation. */
  static final double[] LAMBDAS = {0.3, 1, 3, 10, 30, 100, 300};

  /** The penalties tried by the inner cross-validation (recorded with a fitted calibration). */
  public static List<Double> penalties() {
    return Arrays.stream(LAMBDAS).boxed().toList();
  }

  /** A linear regressor with the fixed penalty 1 and no interaction terms. */
  public static Regressor fitRegressor(List<double[]> x, double[] y, double max) {
    return fit(x, y, max, new int[0], 1.0);
  }

  /**
   * A regressor over the features plus the squares and pairwise products of {@code interacting},
   * with the ridge penalty chosen by leave-one-group-out cross-validation (lowest RMSE) inside
   * these training rows only: the rows being evaluated never influence the choice.
   *
   * @param groups one group per row (e.g. the assignment or question); fewer than three groups:
   *     penalty 1
   */
  public static Regressor fitRegressor(
      List<double[]> x, double[] y, List<String> groups, double max, int[] interacting) {
    List<String> distinct = groups.stream().distinct().sorted().toList();
    double bestLambda = 1.0;
    if (distinct.size() >= 3) {
      double bestRmse = Double.POSITIVE_INFINITY;
      for (double lambda : LAMBDAS) {
        double sq = 0;
        for (String held : distinct) {
          List<double[]> tx = new ArrayList<>();
          List<Double> ty = new ArrayList<>();
          for (int i = 0; i < x.size(); i++) {
            if (!groups.get(i).equals(held)) {
              tx.add(x.get(i));
              ty.add(y[i]);
            }
          }
          Regressor r =
              fit(tx, ty.stream().mapToDouble(d -> d).toArray(), max, interacting, lambda);
          for (int i = 0; i < x.size(); i++) {
            if (groups.get(i).equals(held)) {
              double e = r.predict(x.get(i)) - y[i];
              sq += e * e;
            }
          }
        }
        double rmse = Math.sqrt(sq / x.size());
        if (rmse < bestRmse - 1e-12) {
          bestRmse = rmse;
          bestLambda = lambda;
        }
      }
    }
    return fit(x, y, max, interacting, bestLambda);
  }

  private static Regressor fit(
      List<double[]> x, double[] y, double max, int[] interacting, double lambda) {
    List<double[]> expanded = x.stream().map(row -> expand(row, interacting)).toList();
    Linear linear = ridge(expanded, y, lambda);
    double[] fitted = expanded.stream().mapToDouble(linear::predict).toArray();
    return new Regressor(linear, isotonic(fitted, y), max, interacting.clone(), lambda);
  }

  /** The row, then the squares of the interacting features, then their pairwise products. */
  public static double[] expand(double[] x, int[] interacting) {
    int k = interacting.length;
    if (k == 0) {
      return x;
    }
    double[] out = Arrays.copyOf(x, x.length + k + k * (k - 1) / 2);
    int at = x.length;
    for (int i : interacting) {
      out[at++] = x[i] * x[i];
    }
    for (int a = 0; a < k; a++) {
      for (int b = a + 1; b < k; b++) {
        out[at++] = x[interacting[a]] * x[interacting[b]];
      }
    }
    return out;
  }

  /**
   * One-vs-rest ridge classifiers; predicts the label with the highest score (plus a per-label
   * bias).
   */
  public record Classifier(List<String> labels, List<Linear> models, double[] bias) {
    public String predict(double[] x) {
      int best = 0;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < labels.size(); i++) {
        double s = models.get(i).predict(x) + bias[i];
        if (s > bestScore) {
          bestScore = s;
          best = i;
        }
      }
      return labels.get(best);
    }
  }

  public static Classifier fitClassifier(List<double[]> x, List<String> gold) {
    List<String> labels = gold.stream().distinct().sorted().toList();
    List<Linear> models = new ArrayList<>();
    for (String label : labels) {
      double[] y = gold.stream().mapToDouble(g -> g.equals(label) ? 1 : 0).toArray();
      models.add(ridge(x, y, 1.0));
    }
    double[] bias = new double[labels.size()];
    Classifier c = new Classifier(labels, models, bias);
    if (labels.size() == 2) {
      // tune the decision threshold for macro-F1 on the training rows
      double bestF1 = -1;
      double bestShift = 0;
      for (double shift = -0.5; shift <= 0.5001; shift += 0.02) {
        double[] b = {0, shift};
        Classifier trial = new Classifier(labels, models, b);
        List<String> predicted = x.stream().map(trial::predict).toList();
        double f1 = Metrics.macroF1(gold, predicted);
        if (f1 > bestF1 + 1e-9) {
          bestF1 = f1;
          bestShift = shift;
        }
      }
      c = new Classifier(labels, models, new double[] {0, bestShift});
    }
    return c;
  }
}
