package dev.interviewtutor.discord;

import dev.interviewtutor.grading.AnswerPolicy;
import dev.interviewtutor.grading.Coverage;
import dev.interviewtutor.grading.Grade;
import dev.interviewtutor.grading.Grader;
import dev.interviewtutor.grading.KeyPointResult;
import dev.interviewtutor.grading.Verdict;
import dev.interviewtutor.knowledge.KeyPoint;
import dev.interviewtutor.knowledge.Rubric;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A transparent test grader: a key point counts as covered when the answer contains its first
 * significant word. Optionally slow, to prove the bot acknowledges before grading finishes. Counts
 * the grades it gave.
 */
final class FixedGrader implements Grader {
  private final Duration delay;
  final AtomicInteger graded = new AtomicInteger();

  FixedGrader(Duration delay) {
    this.delay = delay;
  }

  static FixedGrader fast() {
    return new FixedGrader(Duration.ZERO);
  }

  @Override
  public Grade grade(Rubric rubric, String answer) {
    String text = AnswerPolicy.check(answer).toLowerCase(Locale.ROOT);
    if (!delay.isZero()) {
      try {
        Thread.sleep(delay.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    List<KeyPointResult> results =
        rubric.keyPoints().stream()
            .map(
                k ->
                    new KeyPointResult(
                        k.id(),
                        k.text(),
                        covers(k, text) ? Coverage.COVERED : Coverage.MISSED,
                        covers(k, text) ? answer : ""))
            .toList();
    long covered = results.stream().filter(r -> r.coverage() == Coverage.COVERED).count();
    int score = (int) Math.round(100.0 * covered / results.size());
    Verdict verdict =
        score >= 80 ? Verdict.CORRECT : score >= 30 ? Verdict.PARTIALLY_CORRECT : Verdict.INCORRECT;
    graded.incrementAndGet();
    return new Grade(
        rubric.questionId(),
        score,
        verdict,
        results,
        List.of(),
        "Test feedback.",
        rubric.tip(),
        name(),
        List.of());
  }

  static boolean covers(KeyPoint point, String answerLower) {
    for (String word : point.text().toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
      if (word.length() >= 5) {
        return answerLower.contains(word);
      }
    }
    return false;
  }

  @Override
  public String name() {
    return "test-keyword";
  }
}
