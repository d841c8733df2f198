package dev.interviewtutor.knowledge.lint;

import dev.interviewtutor.knowledge.SourceLocation;

/**
 * Something that makes a question hard to grade, printed as {@code file:line: [question] message}.
 *
 * @param location where the question starts
 * @param questionId the question's id
 * @param message what is weak and what to write instead
 */
public record LintWarning(SourceLocation location, String questionId, String message) {
  @Override
  public String toString() {
    return location + ": [" + questionId + "] " + message;
  }
}
