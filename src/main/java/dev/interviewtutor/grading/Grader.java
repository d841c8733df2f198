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
   * Grades one answer on behalf of a scope (a Discord server, the terminal). Graders that call a
   * paid or rate-limited service charge the scope's daily budget; the others ignore the context.
   *
   * @throws AnswerRejectedException if the answer is longer than {@link AnswerPolicy#MAX_CHARS}
   */
  default Grade grade(Rubric rubric, String answer, GradingContext context) {
    return grade(rubric, answer);
  }

  /**
   * Drops whatever this grader keeps in memory about these answers (SHA-256 hex hashes of the
   * answer texts, as {@code GradeCache.answerHash}): called after forget-me deleted a person's
   * answers.
   */
  default void forgetAnswers(java.util.Set<String> answerHashes) {}

  /** Short name recorded with each attempt ("offline", "llm", "hybrid"). */
  String name();
}
