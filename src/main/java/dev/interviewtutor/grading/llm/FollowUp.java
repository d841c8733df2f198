package dev.interviewtutor.grading.llm;

import dev.interviewtutor.knowledge.Rubric;

/**
 * One follow-up question in a mock interview, about a key point the previous answer missed.
 *
 * @param keyPointId the missed key point it asks about
 * @param question the question put to the learner
 * @param rubric a one-key-point rubric: grade the learner's reply against this only
 * @param source "llm" when the LLM wrote the question, "offline" when it was built from the key
 *     point
 */
public record FollowUp(String keyPointId, String question, Rubric rubric, String source) {}
