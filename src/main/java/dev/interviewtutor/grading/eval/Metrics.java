package dev.interviewtutor.grading.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/** Agreement metrics between gold and predicted grades. Pure functions over arrays. */
public final class Metrics {
  private Metrics() {}

  public static double pearson(double[] x, double[] y) {
    check(x, y);
    double mx = mean(x);
    double my = mean(y);
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
  }

  /** Pearson correlation of the ranks (ties get their average rank). */
  public static double spearman(double[] x, double[] y) {
    check(x, y);
    return pearson(ranks(x), ranks(y));
  }

  public static double rmse(double[] gold, double[] predicted) {
    check(gold, predicted);
    double sum = 0;
    for (int i = 0; i < gold.length; i++) {
      sum += (gold[i] - predicted[i]) * (gold[i] - predicted[i]);
    }
    return Math.sqrt(sum / gold.length);
  }

  /**
   * Quadratic-weighted Cohen's kappa over integer categories {@code 0..categories-1}. 1 is perfect
   * agreement, 0 chance level.
   */
  public static double quadraticWeightedKappa(int[] gold, int[] predicted, int categories) {
    if (gold.length != predicted.length || gold.length == 0) {
      throw new IllegalArgumentException("need equal, non-empty arrays");
    }
    double[][] observed = new double[categories][categories];
    double[] histGold = new double[categories];
    double[] histPred = new double[categories];
    for (int i = 0; i < gold.length; i++) {
      observed[gold[i]][predicted[i]]++;
      histGold[gold[i]]++;
      histPred[predicted[i]]++;
    }
    double n = gold.length;
    double num = 0;
    double den = 0;
    for (int i = 0; i < categories; i++) {
      for (int j = 0; j < categories; j++) {
        double w =
            categories == 1
                ? 0
                : (double) (i - j) * (i - j) / ((categories - 1) * (categories - 1));
        double expected = histGold[i] * histPred[j] / n;
        num += w * observed[i][j];
        den += w * expected;
      }
    }
    return den == 0 ? 1 : 1 - num / den;
  }

  /** Per-class precision, recall and F1 of a labelling. */
  public record ClassScores(
      String label, double precision, double recall, double f1, int support) {}

  public static List<ClassScores> perClass(List<String> gold, List<String> predicted) {
    if (gold.size() != predicted.size() || gold.isEmpty()) {
      throw new IllegalArgumentException("need equal, non-empty lists");
    }
    List<ClassScores> out = new ArrayList<>();
    for (String label : new TreeSet<>(gold)) {
      int tp = 0;
      int fp = 0;
      int fn = 0;
      for (int i = 0; i < gold.size(); i++) {
        boolean g = gold.get(i).equals(label);
        boolean p = Objects.equals(predicted.get(i), label);
        if (g && p) {
          tp++;
        } else if (p) {
          fp++;
        } else if (g) {
          fn++;
        }
      }
      double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
      double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
      double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
      out.add(new ClassScores(label, precision, recall, f1, tp + fn));
    }
    return out;
  }

  /** Unweighted mean of the per-class F1 over the gold classes. */
  public static double macroF1(List<String> gold, List<String> predicted) {
    return perClass(gold, predicted).stream().mapToDouble(ClassScores::f1).average().orElse(0);
  }

  /** Mean of the per-class F1 weighted by gold support (the SemEval 3-way/5-way measure). */
  public static double weightedF1(List<String> gold, List<String> predicted) {
    return perClass(gold, predicted).stream().mapToDouble(c -> c.f1() * c.support()).sum()
        / gold.size();
  }

  public static double accuracy(List<String> gold, List<String> predicted) {
    int same = 0;
    for (int i = 0; i < gold.size(); i++) {
      if (gold.get(i).equals(predicted.get(i))) {
        same++;
      }
    }
    return (double) same / gold.size();
  }

  /** The value below which a fraction q (0..1) of the values lie (nearest rank). */
  public static double percentile(double[] values, double q) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  static double[] ranks(double[] x) {
    Integer[] order = new Integer[x.length];
    for (int i = 0; i < x.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> x[i]));
    double[] ranks = new double[x.length];
    int i = 0;
    while (i < x.length) {
      int j = i;
      while (j + 1 < x.length && x[order[j + 1]] == x[order[i]]) {
        j++;
      }
      double rank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        ranks[order[k]] = rank;
      }
      i = j + 1;
    }
    return ranks;
  }

  static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  private static void check(double[] x, double[] y) {
    if (x.length != y.length || x.length == 0) {
      throw new IllegalArgumentException("need equal, non-empty arrays");
    }
  }
}
