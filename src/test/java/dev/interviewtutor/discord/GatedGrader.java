package dev.interviewtutor.discord;

import dev.interviewtutor.grading.Grade;
import dev.interviewtutor.grading.Grader;
import dev.interviewtutor.knowledge.Rubric;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A slow grader the test controls: grading blocks until {@link #release()}, so ordering is checked,
 * not timed.
 */
final class GatedGrader implements Grader {
  private final FixedGrader inner = FixedGrader.fast();
  private final CountDownLatch started = new CountDownLatch(1);
  private final CountDownLatch gate = new CountDownLatch(1);
  private final CountDownLatch finishedLatch = new CountDownLatch(1);
  private volatile boolean finished;

  @Override
  public Grade grade(Rubric rubric, String answer) {
    started.countDown();
    try {
      if (!gate.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("test never released the grader");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Grade grade = inner.grade(rubric, answer);
    finished = true;
    finishedLatch.countDown();
    return grade;
  }

  boolean awaitStarted(Duration timeout) throws InterruptedException {
    return started.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  boolean awaitFinished(Duration timeout) throws InterruptedException {
    return finishedLatch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  boolean finished() {
    return finished;
  }

  void release() {
    gate.countDown();
  }

  @Override
  public String name() {
    return "gated-test";
  }
}
