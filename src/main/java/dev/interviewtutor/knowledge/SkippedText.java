package dev.interviewtutor.knowledge;

/**
 * Something in a bank file the parser deliberately left out of every question: a table of contents,
 * navigation, a "References" list, "Level: Intermediate", an image, a closing "Key Takeaways"
 * section. Kept so that {@code tutor bank preview} can show that nothing was dropped silently.
 *
 * @param line 1-based line where the skipped part starts
 * @param questionId the question it sat in, or empty when it was outside every question
 * @param reason why it is not part of an answer ("references", "table of contents", "image")
 * @param text the first line of it as written, shortened
 */
public record SkippedText(int line, String questionId, String reason, String text) {}
