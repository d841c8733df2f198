package dev.interviewtutor.practice;

import dev.interviewtutor.grading.llm.FollowUp;
import java.util.Optional;

/**
 * The outcome of answering or skipping in a mock interview.
 *
 * @param answer the graded answer, empty for a skip
 * @param next the state after it
 * @param summary the closing summary when this was the last question
 * @param followUp one follow-up about a missed key point after a partially correct answer, when
 *     enabled
 */
public record InterviewTurn(
    Optional<AnswerResult> answer,
    InterviewState next,
    Optional<InterviewSummary> summary,
    Optional<FollowUp> followUp) {

  /** A turn without a follow-up. */
  public InterviewTurn(
      Optional<AnswerResult> answer, InterviewState next, Optional<InterviewSummary> summary) {
    this(answer, next, summary, Optional.empty());
  }
}
