package dev.interviewtutor.grading.llm;

import dev.interviewtutor.UserFacingException;

/**
 * The LLM could not produce a usable answer. {@link #reason()} says why in words a learner can
 * read; the hybrid grader turns it into a visible "graded offline: ..." note.
 */
public final class LlmUnavailableException extends UserFacingException {

  /** Why the LLM did not answer usefully. */
  public enum Failure {
    TIMEOUT,
    RATE_LIMITED,
    SERVER_ERROR,
    UNREACHABLE,
    REJECTED,
    BUDGET_EXHAUSTED,
    BAD_RESPONSE,
    FAILED
  }

  private final Failure failure;
  private final String reason;

  public LlmUnavailableException(Failure failure, String reason) {
    super("the LLM could not grade this answer: " + reason);
    this.failure = failure;
    this.reason = reason;
  }

  public LlmUnavailableException(Failure failure, String reason, Throwable cause) {
    super("the LLM could not grade this answer: " + reason, cause);
    this.failure = failure;
    this.reason = reason;
  }

  public Failure failure() {
    return failure;
  }

  /** A short learner-readable reason ("the LLM service did not answer in time"). */
  public String reason() {
    return reason;
  }
}
