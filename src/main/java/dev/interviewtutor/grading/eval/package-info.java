/**
 * Evaluation of graders against human-graded datasets: metrics, calibration fitted on training
 * folds only.
 */
package dev.interviewtutor.grading.eval;
