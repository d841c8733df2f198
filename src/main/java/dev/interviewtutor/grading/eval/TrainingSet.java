package dev.interviewtutor.grading.eval;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The public labelled files the shipped calibration may be fitted on, and how each one's gold
 * becomes a 0–1 quality (the score people see is 100 × quality). Only these training files:
 * bank-dev and the SemEval test splits are for measuring, never for fitting.
 */
public enum TrainingSet {
  /** Mohler 2011: 0–5 mean of two graders. */
  MOHLER("mohler/mohler_2273.tsv", "score_avg / 5", "assignment"),
  /** SemEval-2013 SciEntsBank, training split. */
  SCIENTSBANK("scientsbank/scientsbank_train.tsv", TrainingSet.SEMEVAL_TARGET, "question_key"),
  /** SemEval-2013 Beetle, training split. */
  BEETLE("beetle/beetle_train.tsv", TrainingSet.SEMEVAL_TARGET, "question_key");

  static final String SEMEVAL_TARGET =
      "label_5way: correct 1, partially_correct_incomplete 0.5, contradictory / irrelevant / non_domain 0";
  private static final Map<String, Double> SEMEVAL =
      Map.of(
          "correct",
          1.0,
          "partially_correct_incomplete",
          0.5,
          "contradictory",
          0.0,
          "irrelevant",
          0.0,
          "non_domain",
          0.0);

  private final String file;
  private final String target;
  private final String groupColumn;

  TrainingSet(String file, String target, String groupColumn) {
    this.file = file;
    this.target = target;
    this.groupColumn = groupColumn;
  }

  /** Lower-case name used on the command line ({@code --exclude mohler}). */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Path below the shared datasets directory. */
  public String file() {
    return file;
  }

  /** How the gold becomes a 0–1 quality, in words (recorded in the calibration file). */
  public String target() {
    return target;
  }

  /** The column whose values group rows for the inner cross-validation (assignment or question). */
  public String groupColumn() {
    return groupColumn;
  }

  /**
   * The row's 0–1 quality.
   *
   * @throws IllegalArgumentException naming the value when the gold cannot be read
   */
  public double quality(LabelledFile.Row row) {
    if (this == MOHLER) {
      String v = row.get("score_avg").strip();
      try {
        return Math.max(0, Math.min(1, Double.parseDouble(v) / 5));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("score_avg '" + v + "' is not a number");
      }
    }
    String label = row.get("label_5way").strip();
    Double q = SEMEVAL.get(label);
    if (q == null) {
      throw new IllegalArgumentException(
          "label_5way '" + label + "' is not one of " + SEMEVAL.keySet());
    }
    return q;
  }

  public static TrainingSet byId(String id) {
    for (TrainingSet s : values()) {
      if (s.id().equals(id.strip().toLowerCase(Locale.ROOT))) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown training set '"
            + id
            + "'; known: "
            + List.of(values()).stream().map(TrainingSet::id).toList());
  }
}
