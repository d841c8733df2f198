/**
 * Text analysis for the offline grader: sentence and clause splitting, tokens, stopwords, stems,
 * synonyms.
 */
package dev.interviewtutor.grading.text;
