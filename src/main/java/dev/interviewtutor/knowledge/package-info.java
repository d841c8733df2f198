/**
 * Question banks: the Markdown format, its parser and validator, and the rubrics derived from
 * questions.
 */
package dev.interviewtutor.knowledge;
