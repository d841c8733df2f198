package dev.interviewtutor.grading;

/**
 * The grade of one key point.
 *
 * @param keyPointId the rubric's key point id
 * @param keyPoint   the key point text
 * @param coverage   covered, partial or missed
 * @param evidence   the sentence of the answer that covers it, quoted verbatim; empty when missed
 */
public record KeyPointResult(String keyPointId, String keyPoint, Coverage coverage, String evidence) {}
