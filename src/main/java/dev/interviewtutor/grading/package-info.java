/**
 * Graders: the offline (embedding + lexical) grader, the LLM grader, their combination, and
 * evaluation.
 */
package dev.interviewtutor.grading;
