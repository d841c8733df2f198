package dev.interviewtutor.grading;

/**
 * The last step of offline grading: the grader's features to the 0–100 score a person sees. One
 * seam so that every front-end gets the same fitted mapping ({@link ShippedCalibration}) and the
 * hand-set safety rules stay in the grader.
 */
public interface ScoreCalibration {
  /** The hand-set mapping alone (research: the uncalibrated grader). */
  ScoreCalibration NONE =
      new ScoreCalibration() {
        @Override
        public int score(double[] features, int handScore, boolean flagged) {
          return handScore;
        }

        @Override
        public String version() {
          return "none";
        }
      };

  /**
   * @param features {@link OfflineGrader#FEATURE_NAMES}, in order
   * @param handScore the hand-set score after every cap (misconception, off-topic, restated,
   *     keyword list)
   * @param flagged whether a safety rule fired: then the result must not exceed {@code handScore}
   * @return 0–100
   */
  int score(double[] features, int handScore, boolean flagged);

  /**
   * How a question's graded sample answers move the score, when this mapping was fitted with them
   * ({@link SampleVote}); empty: samples are not used.
   */
  default java.util.Optional<SampleVote> sampleVote() {
    return java.util.Optional.empty();
  }

  /** Which mapping this is ("calibration-v1", "none"), for eval output and provenance. */
  String version();
}
