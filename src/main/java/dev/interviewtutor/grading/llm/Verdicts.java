package dev.interviewtutor.grading.llm;

import dev.interviewtutor.grading.Coverage;
import dev.interviewtutor.grading.KeyPointResult;
import dev.interviewtutor.grading.Verdict;
import dev.interviewtutor.knowledge.KeyPoint;
import dev.interviewtutor.knowledge.Rubric;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Score arithmetic shared by the LLM and hybrid graders. */
final class Verdicts {
  static final int CORRECT_FROM = 75;
  static final int PARTIAL_FROM = 40;

  /** Points taken off the evidence ceiling for each misconception the answer states. */
  static final int MISCONCEPTION_PENALTY = 20;

  /**
   * How far an LLM score may sit above what the quoted evidence supports (nuance the weights miss).
   */
  static final int CEILING_SLACK = 10;

  private Verdicts() {}

  static Verdict of(int score, List<KeyPointResult> keyPoints, int misconceptions) {
    if (score >= CORRECT_FROM) {
      return Verdict.CORRECT;
    }
    if (score >= PARTIAL_FROM) {
      return Verdict.PARTIALLY_CORRECT;
    }
    boolean nothing = keyPoints.stream().allMatch(k -> k.coverage() == Coverage.MISSED);
    return nothing && misconceptions == 0 && score < 10 ? Verdict.OFF_TOPIC : Verdict.INCORRECT;
  }

  /** 0–100 from weighted coverage (covered 1, partial 0.5) less the misconception penalty. */
  static int evidenceScore(Rubric rubric, List<KeyPointResult> results, int misconceptions) {
    Map<String, KeyPoint> byId =
        rubric.keyPoints().stream()
            .collect(Collectors.toMap(KeyPoint::id, Function.identity(), (a, b) -> a));
    double total = 0;
    double earned = 0;
    for (KeyPointResult r : results) {
      KeyPoint kp = byId.get(r.keyPointId());
      double w = kp == null ? 1 : kp.weight();
      total += w;
      earned +=
          w
              * switch (r.coverage()) {
                case COVERED -> 1.0;
                case PARTIAL -> 0.5;
                case MISSED -> 0.0;
              };
    }
    int score = total == 0 ? 0 : (int) Math.round(100 * earned / total);
    return clamp(score - MISCONCEPTION_PENALTY * misconceptions);
  }

  static int clamp(int score) {
    return Math.max(0, Math.min(100, score));
  }
}
