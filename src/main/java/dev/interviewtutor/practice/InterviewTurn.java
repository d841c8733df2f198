package dev.interviewtutor.practice;

import java.util.Optional;

/**
 * The outcome of answering or skipping in a mock interview.
 *
 * @param answer  the graded answer, empty for a skip
 * @param next    the state after it
 * @param summary the closing summary when this was the last question
 */
public record InterviewTurn(Optional<AnswerResult> answer, InterviewState next, Optional<InterviewSummary> summary) {}
