/**
 * Warnings about what makes a bank's questions hard to grade (too few or vague key points, repeats,
 * bare contrasts).
 */
package dev.interviewtutor.knowledge.lint;
