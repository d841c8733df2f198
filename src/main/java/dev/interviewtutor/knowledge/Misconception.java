package dev.interviewtutor.knowledge;

/**
 * A wrong belief that an answer can state. An answer that states it loses credit even when it
 * shares the question's vocabulary.
 *
 * @param id stable within the rubric ("m1", ...)
 * @param text the wrong belief as a positive statement ("use worker threads for I/O operations")
 * @param reason why it is wrong, shown to the learner; may be empty
 * @param origin "bad-use", "negation", "tip", "common-mistakes"
 */
public record Misconception(String id, String text, String reason, String origin) {}
