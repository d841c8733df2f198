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

  /**
   * Grades one answer on behalf of a scope (a Discord server, the terminal). Graders that call a paid or
   * rate-limited service charge the scope's daily budget; the others ignore the context.
   *
   * @throws AnswerRejectedException if the answer is longer than {@link AnswerPolicy#MAX_CHARS}
   */
  default Grade grade(Rubric rubric, String answer, GradingContext context) {
    return grade(rubric, answer);
  }

  /** Short name recorded with each attempt ("offline", "llm", "hybrid"). */
  String name();
}
