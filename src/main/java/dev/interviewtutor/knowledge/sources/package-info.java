/**
 * Question banks from other sources: Anki "Notes in Plain Text" exports and CSV files, written in
 * the seed format.
 */
package dev.interviewtutor.knowledge.sources;
