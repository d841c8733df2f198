package dev.interviewtutor.grading;

/** The overall judgement of an answer. */
public enum Verdict {
  CORRECT("correct"),
  PARTIALLY_CORRECT("partially correct"),
  INCORRECT("incorrect"),
  OFF_TOPIC("off-topic");

  private final String label;

  Verdict(String label) {
    this.label = label;
  }

  /** Human-readable label ("partially correct"). */
  public String label() {
    return label;
  }
}
