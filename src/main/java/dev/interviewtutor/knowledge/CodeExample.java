package dev.interviewtutor.knowledge;

/**
 * A fenced code block.
 *
 * @param heading the heading it sits under ("Example (Bad)", "Example Architecture")
 * @param language the info string after the opening fence, or empty
 * @param code the code without the fences
 */
public record CodeExample(String heading, String language, String code) {}
