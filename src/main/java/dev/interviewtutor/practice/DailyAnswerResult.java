package dev.interviewtutor.practice;

import java.util.Optional;

/**
 * The result of answering a daily question. Sealed: show it only to its author.
 *
 * @param status ACCEPTED for a first answer; ALREADY_ANSWERED returns the first answer's result
 *     again; CLOSED after the reveal (no answer recorded)
 * @param answer the graded first answer (absent when CLOSED)
 * @param shared whether the author agreed to show the answer text at the reveal
 */
public record DailyAnswerResult(Status status, Optional<AnswerResult> answer, boolean shared) {
  public enum Status {
    ACCEPTED,
    ALREADY_ANSWERED,
    CLOSED
  }
}
