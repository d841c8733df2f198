package dev.interviewtutor.practice;

import dev.interviewtutor.knowledge.KeyPoint;
import dev.interviewtutor.knowledge.Question;
import java.util.List;
import java.util.Optional;

/**
 * Where a mock interview stands.
 *
 * @param sessionId the session (stable across restarts)
 * @param topic the topic chosen, empty for any
 * @param position 0-based index of the current question; equals {@code total} when finished
 * @param total number of questions
 * @param current the question to answer now, empty when finished
 * @param hints key points revealed so far for the current question
 * @param finished whether every question is answered or skipped (or the interview was stopped)
 */
public record InterviewState(
    long sessionId,
    String topic,
    int position,
    int total,
    Optional<Question> current,
    List<KeyPoint> hints,
    boolean finished) {
  public InterviewState {
    hints = List.copyOf(hints);
  }
}
