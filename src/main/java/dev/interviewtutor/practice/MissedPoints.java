package dev.interviewtutor.practice;

import dev.interviewtutor.grading.Grade;
import dev.interviewtutor.grading.KeyPointResult;
import dev.interviewtutor.knowledge.KeyPoint;
import dev.interviewtutor.knowledge.Rubric;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The key points an answer missed, as every front-end lists them: heaviest first (by rubric weight;
 * equal weights keep the rubric's order), at most {@link #WHEN_NOTHING_COVERED} when the answer
 * covered nothing (an off-topic answer would otherwise list the whole rubric) and at most {@link
 * #WHEN_SOMETHING_COVERED} otherwise, with how many were left out.
 *
 * @param shown the missed key points to list, heaviest first
 * @param more how many missed key points are not in {@code shown}
 */
public record MissedPoints(List<KeyPointResult> shown, int more) {
  public static final int WHEN_NOTHING_COVERED = 3;
  public static final int WHEN_SOMETHING_COVERED = 5;

  public MissedPoints {
    shown = List.copyOf(shown);
    if (more < 0) {
      throw new IllegalArgumentException("more must be >= 0: " + more);
    }
  }

  /**
   * The missed points of {@code grade} weighed by {@code rubric}; a key point the rubric no longer
   * has (a stored grade of an edited question) weighs 1, the lightest rubric default.
   */
  public static MissedPoints of(Grade grade, Rubric rubric) {
    Map<String, Double> weights =
        rubric.keyPoints().stream()
            .collect(Collectors.toMap(KeyPoint::id, KeyPoint::weight, (a, b) -> a));
    // Grade.missed() is in rubric order, which is not weight order: a bank's Key Points bullets
    // (1.5) come after its other sections' bullets (1). The sort is stable, so ties keep it.
    List<KeyPointResult> heaviestFirst =
        grade.missed().stream()
            .sorted(
                Comparator.comparingDouble(
                        (KeyPointResult k) -> weights.getOrDefault(k.keyPointId(), 1.0))
                    .reversed())
            .toList();
    int cap = grade.covered().isEmpty() ? WHEN_NOTHING_COVERED : WHEN_SOMETHING_COVERED;
    int shownCount = Math.min(cap, heaviestFirst.size());
    return new MissedPoints(
        heaviestFirst.subList(0, shownCount), heaviestFirst.size() - shownCount);
  }

  /** "… and 4 more" after the listed points, or empty when every missed point is listed. */
  public Optional<String> moreLine() {
    return more == 0 ? Optional.empty() : Optional.of("… and " + more + " more");
  }
}
