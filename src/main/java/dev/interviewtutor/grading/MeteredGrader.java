package dev.interviewtutor.grading;

import dev.interviewtutor.knowledge.Rubric;
import dev.interviewtutor.ops.TutorMetrics;
import java.time.Duration;
import java.util.Set;

/**
 * A grader that reports how long each grade took ({@link TutorMetrics#graded}), tagged with the
 * grade's own grader: a hybrid grade that fell back shows as "offline". Answers refused before
 * grading are not timed.
 */
public final class MeteredGrader implements Grader {
  private final Grader inner;
  private final TutorMetrics metrics;

  private MeteredGrader(Grader inner, TutorMetrics metrics) {
    this.inner = inner;
    this.metrics = metrics;
  }

  /** {@code grader} timed into {@code metrics}, or {@code grader} itself when metrics are off. */
  public static Grader of(Grader grader, TutorMetrics metrics) {
    return metrics == TutorMetrics.NONE ? grader : new MeteredGrader(grader, metrics);
  }

  @Override
  public Grade grade(Rubric rubric, String answer) {
    long start = System.nanoTime();
    Grade grade = inner.grade(rubric, answer);
    metrics.graded(grade.grader(), Duration.ofNanos(System.nanoTime() - start));
    return grade;
  }

  @Override
  public Grade grade(Rubric rubric, String answer, GradingContext context) {
    long start = System.nanoTime();
    Grade grade = inner.grade(rubric, answer, context);
    metrics.graded(grade.grader(), Duration.ofNanos(System.nanoTime() - start));
    return grade;
  }

  @Override
  public void forgetAnswers(Set<String> answerHashes) {
    inner.forgetAnswers(answerHashes);
  }

  @Override
  public String name() {
    return inner.name();
  }
}
