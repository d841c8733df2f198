package dev.interviewtutor.grading;

import dev.interviewtutor.grading.eval.Metrics;
import java.util.ArrayList;
import java.util.List;

/**
 * How graded sample answers ({@code Sample Answers} in a bank) move a score: the answer is compared
 * with every sample of its question, and the {@value #K} nearest vote with their quality, each
 * weighted by {@code exp((cosine - 1) / T)}; the grader's own score votes too, as if it were a
 * sample at cosine {@value #PRIOR_COSINE}, so that samples far from the answer say little and a
 * bank with two or three samples cannot overrule the grader with a distant one. The score becomes
 * {@code (1 - weight) * score + weight * vote}, stretched so that {@code threshold} lands on 70
 * (the "correct" line).
 *
 * <p>{@code weight} and {@code threshold} are fitted by {@code tutor train} on SciEntsBank's
 * training answers, each answer voted on by the other training answers to its question (leave one
 * out), and shipped in the calibration file; {@code K}, {@code T} and the prior are fixed here.
 *
 * @param weight share of the vote in the blended quality, 0–1
 * @param threshold blended quality that maps to a score of 70
 */
public record SampleVote(double weight, double threshold) {
  /** Samples that vote. */
  public static final int K = 10;

  /** Temperature of the similarity weights. */
  public static final double TEMPERATURE = 0.1;

  /** The grader's own score votes as a sample at this cosine. */
  public static final double PRIOR_COSINE = 0.7;

  public SampleVote {
    if (!(weight >= 0 && weight <= 1) || !(threshold > 0 && threshold < 1)) {
      throw new IllegalArgumentException(
          "sample vote needs 0 <= weight <= 1 and 0 < threshold < 1");
    }
  }

  /**
   * The vote on one answer.
   *
   * @param cosines the answer's cosine to each sample
   * @param qualities each sample's quality, 0–1
   * @param own the grader's own quality for the answer, 0–1
   */
  public static double vote(double[] cosines, double[] qualities, double own) {
    Integer[] order = new Integer[cosines.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(cosines[b], cosines[a]));
    double prior = Math.exp((PRIOR_COSINE - 1) / TEMPERATURE);
    double sum = prior * own;
    double total = prior;
    for (int i = 0; i < Math.min(K, order.length); i++) {
      double w = Math.exp((cosines[order[i]] - 1) / TEMPERATURE);
      sum += w * qualities[order[i]];
      total += w;
    }
    return sum / total;
  }

  /** The blended quality, 0–1, before it is stretched onto the score scale. */
  public double blended(double quality, double vote) {
    return (1 - weight) * quality + weight * vote;
  }

  /**
   * The score with the vote taken in. When a safety rule fired ({@code flagged}: a stated mistake,
   * off topic, ...) the samples may lower the score but not raise it.
   */
  public int score(int score, double vote, boolean flagged) {
    double b = blended(score / 100.0, vote);
    double mapped =
        b <= threshold ? 0.7 * b / threshold : 0.7 + 0.3 * (b - threshold) / (1 - threshold);
    int out = (int) Math.round(100 * Math.max(0, Math.min(1, mapped)));
    return flagged ? Math.min(score, out) : out;
  }

  /**
   * Fits {@code weight} (0, 0.1, ..., 1) and {@code threshold} (0.3 to 0.8 by 0.025) for the best
   * 2-way macro-F1 of "correct" (blended quality at or over the threshold) on answers whose vote
   * was taken without themselves.
   *
   * @param scores each answer's score, 0–100
   * @param votes each answer's vote from the other answers to its question
   * @param correct each answer's gold label
   */
  public static Fit fit(double[] scores, double[] votes, boolean[] correct) {
    List<String> gold = new ArrayList<>();
    for (boolean c : correct) {
      gold.add(label(c));
    }
    Fit best = null;
    for (int wi = 0; wi <= 10; wi++) {
      double w = wi / 10.0;
      for (int ti = 0; ti <= 20; ti++) {
        double t = Math.round((0.3 + ti * 0.025) * 1000) / 1000.0;
        List<String> predicted = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
          predicted.add(label((1 - w) * scores[i] / 100.0 + w * votes[i] >= t - 1e-9));
        }
        double f1 = Metrics.macroF1(gold, predicted);
        if (best == null || f1 > best.macroF1() + 1e-12) {
          best = new Fit(new SampleVote(w, t), f1);
        }
      }
    }
    return best;
  }

  /** A fitted vote and its training 2-way macro-F1 (leave one out). */
  public record Fit(SampleVote vote, double macroF1) {}

  private static String label(boolean correct) {
    return correct ? "correct" : "incorrect";
  }
}
