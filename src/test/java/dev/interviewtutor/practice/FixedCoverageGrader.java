package dev.interviewtutor.practice;

import dev.interviewtutor.grading.Coverage;
import dev.interviewtutor.grading.Grade;
import dev.interviewtutor.grading.Grader;
import dev.interviewtutor.grading.KeyPointResult;
import dev.interviewtutor.grading.Verdict;
import dev.interviewtutor.knowledge.KeyPoint;
import dev.interviewtutor.knowledge.Rubric;
import java.util.List;
import java.util.Set;

/**
 * TEST FAKE, not the real grader: whatever the answer says, the key points with the given ids are
 * covered and every other one is missed, in rubric order. Lets a test build the grade it needs.
 */
public final class FixedCoverageGrader implements Grader {
  private final Set<String> covered;

  public FixedCoverageGrader(Set<String> coveredKeyPointIds) {
    this.covered = Set.copyOf(coveredKeyPointIds);
  }

  /** A rubric whose key point {@code kp<n>} weighs {@code weights[n-1]}, texts "point n ...". */
  public static Rubric rubric(String questionId, double... weights) {
    List<KeyPoint> points =
        java.util.stream.IntStream.range(0, weights.length)
            .mapToObj(
                i ->
                    new KeyPoint(
                        "kp" + (i + 1),
                        "point " + (i + 1) + " weighs " + weights[i],
                        weights[i],
                        List.of(),
                        "key-points"))
            .toList();
    return new Rubric(
        questionId,
        "Question " + questionId,
        "node",
        points,
        List.of(),
        List.of(),
        java.util.Map.of(),
        "Model answer",
        "",
        "v1");
  }

  @Override
  public Grade grade(Rubric rubric, String answer) {
    double total = rubric.keyPoints().stream().mapToDouble(KeyPoint::weight).sum();
    double got =
        rubric.keyPoints().stream()
            .filter(k -> covered.contains(k.id()))
            .mapToDouble(KeyPoint::weight)
            .sum();
    List<KeyPointResult> results =
        rubric.keyPoints().stream()
            .map(
                k ->
                    covered.contains(k.id())
                        ? new KeyPointResult(k.id(), k.text(), Coverage.COVERED, answer.strip())
                        : new KeyPointResult(k.id(), k.text(), Coverage.MISSED, ""))
            .toList();
    int score = (int) Math.round(100 * got / total);
    return new Grade(
        rubric.questionId(),
        score,
        score >= 80 ? Verdict.CORRECT : score >= 40 ? Verdict.PARTIALLY_CORRECT : Verdict.INCORRECT,
        results,
        List.of(),
        "",
        "",
        name(),
        List.of());
  }

  @Override
  public String name() {
    return "test-fixed";
  }
}
