package dev.interviewtutor.practice;

import dev.interviewtutor.grading.AnswerPolicy;
import dev.interviewtutor.grading.Coverage;
import dev.interviewtutor.grading.Grade;
import dev.interviewtutor.grading.Grader;
import dev.interviewtutor.grading.KeyPointResult;
import dev.interviewtutor.grading.Verdict;
import dev.interviewtutor.knowledge.KeyPoint;
import dev.interviewtutor.knowledge.Rubric;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * TEST FAKE, not the real grader: a key point is covered when the answer contains its first word.
 * Score = covered weight / total weight × 100. Deterministic, instant; used by engine unit tests.
 */
public final class KeywordTestGrader implements Grader {
  @Override
  public Grade grade(Rubric rubric, String answer) {
    String text = AnswerPolicy.check(answer).toLowerCase(Locale.ROOT);
    List<KeyPointResult> results = new ArrayList<>();
    double covered = 0;
    double total = 0;
    for (KeyPoint k : rubric.keyPoints()) {
      String word = k.text().split(" ")[0].toLowerCase(Locale.ROOT);
      boolean hit = text.contains(word);
      total += k.weight();
      covered += hit ? k.weight() : 0;
      results.add(
          new KeyPointResult(
              k.id(), k.text(), hit ? Coverage.COVERED : Coverage.MISSED, hit ? word : ""));
    }
    int score = (int) Math.round(100 * covered / total);
    Verdict verdict =
        score >= 80 ? Verdict.CORRECT : score >= 40 ? Verdict.PARTIALLY_CORRECT : Verdict.INCORRECT;
    return new Grade(
        rubric.questionId(),
        score,
        verdict,
        results,
        List.of(),
        "feedback " + score,
        rubric.tip(),
        name(),
        List.of());
  }

  @Override
  public String name() {
    return "test-keyword";
  }
}
