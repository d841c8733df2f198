/**
 * The LLM grader and tutor through LangChain4j: provider selection, prompt templates, structured
 * grading with quote checks, the hybrid grader that keeps the offline grader as a floor, retries,
 * daily budgets, follow-ups.
 */
package dev.interviewtutor.grading.llm;
