package dev.interviewtutor.grading;

/** How well an answer covers one key point. */
public enum Coverage {
  COVERED,
  PARTIAL,
  MISSED
}
