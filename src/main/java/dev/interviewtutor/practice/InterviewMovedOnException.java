package dev.interviewtutor.practice;

import dev.interviewtutor.UserFacingException;

/**
 * An answer, skip or hint was meant for an interview question that is no longer current: the same
 * interview was answered meanwhile somewhere else (a second terminal on the same database, another
 * window). Nothing was recorded; {@link #position()} is the question that is current now.
 */
public final class InterviewMovedOnException extends UserFacingException {
  private final int position;

  public InterviewMovedOnException(String message, int position) {
    super(message);
    this.position = position;
  }

  /** The 0-based position of the question that is current now. */
  public int position() {
    return position;
  }
}
