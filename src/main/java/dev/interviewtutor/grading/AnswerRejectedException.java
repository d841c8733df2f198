package dev.interviewtutor.grading;

/**
 * An answer that cannot be graded as given (too long); the message is shown to the learner as is.
 */
public final class AnswerRejectedException extends RuntimeException {
  public AnswerRejectedException(String message) {
    super(message);
  }
}
