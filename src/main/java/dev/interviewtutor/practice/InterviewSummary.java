package dev.interviewtutor.practice;

import dev.interviewtutor.knowledge.Question;
import java.util.List;

/**
 * The closing summary of a mock interview.
 *
 * @param items one line per question in order
 * @param averageScore mean score over all questions, skipped ones counting 0
 * @param strongest key points covered, most important first (at most 3)
 * @param weakest key points missed, most important first (at most 3)
 * @param reviewNext questions to review next: skipped or scored below 70, weakest first
 */
public record InterviewSummary(
    long sessionId,
    String topic,
    List<Item> items,
    int averageScore,
    List<String> strongest,
    List<String> weakest,
    List<Question> reviewNext) {

  public InterviewSummary {
    items = List.copyOf(items);
    strongest = List.copyOf(strongest);
    weakest = List.copyOf(weakest);
    reviewNext = List.copyOf(reviewNext);
  }

  /**
   * One question's result; {@code score} is 0 and {@code skipped} true for a skipped or unanswered
   * question.
   */
  public record Item(String questionId, String title, int score, boolean skipped, int hints) {}
}
