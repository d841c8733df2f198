/**
 * {@code tutor bank enrich}: an LLM proposes rubric annotations ({@code ### Key Points}, {@code ###
 * Synonyms}, {@code ### Common Mistakes}) for each question of a bank, written into a new file for
 * a person to review; the input is never changed.
 */
package dev.interviewtutor.enrich;
