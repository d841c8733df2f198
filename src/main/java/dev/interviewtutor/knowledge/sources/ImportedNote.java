package dev.interviewtutor.knowledge.sources;

/**
 * One question and its answer read from another source, before it is written as a bank.
 *
 * @param question the question, one line of plain text
 * @param answer the answer as Markdown (HTML already turned into text, bullets and paragraphs)
 * @param topic the deck or topic column, or empty
 * @param line the line of the source file the note starts on
 */
public record ImportedNote(String question, String answer, String topic, int line) {}
