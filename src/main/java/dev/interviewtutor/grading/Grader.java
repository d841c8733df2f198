package dev.interviewtutor.grading;

import dev.interviewtutor.knowledge.Rubric;

/** Grades a free-text answer against a rubric. Implementations are thread-safe. */
public interface Grader {

  /**
   * Grades one answer.
   *
   * @throws AnswerRejectedException if the answer is longer than {@link AnswerPolicy#MAX_CHARS}
   */
  Grade grade(Rubric rubric, String answer);

  /** Short name recorded with each attempt ("offline", "llm", "hybrid"). */
  String name();
}
