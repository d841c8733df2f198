package dev.interviewtutor.grading;

/**
 * A misconception found in an answer.
 *
 * @param misconceptionId the rubric's misconception id
 * @param misconception the wrong belief
 * @param reason why it is wrong, may be empty
 * @param evidence the sentence of the answer that states it, quoted verbatim
 */
public record MisconceptionHit(
    String misconceptionId, String misconception, String reason, String evidence) {}
