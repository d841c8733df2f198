package dev.interviewtutor.grading;

/**
 * The grade of one key point.
 *
 * @param keyPointId the rubric's key point id
 * @param keyPoint the key point text
 * @param coverage covered, partial or missed
 * @param evidence the sentence of the answer that covers it, quoted verbatim; empty when missed
 * @param confidence how sure the grader is of {@code coverage}, 0–1: low when the evidence sits
 *     near a threshold, or when the clause may be about a sibling concept or may deny the point
 */
public record KeyPointResult(
    String keyPointId, String keyPoint, Coverage coverage, String evidence, double confidence) {

  /** Below this the grader says it could not verify the point rather than deciding it. */
  public static final double UNSURE = 0.5;

  public KeyPointResult {
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence out of range: " + confidence);
    }
  }

  /** A result the grader is sure of (graders without a confidence measure, stored results). */
  public KeyPointResult(String keyPointId, String keyPoint, Coverage coverage, String evidence) {
    this(keyPointId, keyPoint, coverage, evidence, 1.0);
  }

  public boolean unsure() {
    return confidence < UNSURE;
  }
}
