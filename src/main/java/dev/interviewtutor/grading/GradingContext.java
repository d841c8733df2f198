package dev.interviewtutor.grading;

import java.util.Objects;

/**
 * Who is being graded where, as far as a grader needs to know: the scope whose daily LLM budget a
 * call is charged to.
 *
 * @param scopeKey a stable key of the server or place ("discord:guild:123", "discord:dm:456",
 *     "terminal"); every grade in one scope shares one daily budget
 */
public record GradingContext(String scopeKey) {
  /** Grades asked for on this machine (command line, terminal tutor). */
  public static final GradingContext LOCAL = new GradingContext("local");

  public GradingContext {
    Objects.requireNonNull(scopeKey, "scopeKey");
    if (scopeKey.isBlank()) {
      throw new IllegalArgumentException("scopeKey must not be blank");
    }
  }

  public static GradingContext of(String scopeKey) {
    return new GradingContext(scopeKey);
  }
}
