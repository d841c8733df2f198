package dev.interviewtutor.practice;

import java.util.List;
import java.util.Optional;

/**
 * The group result of a daily question, shown at the reveal. Names only, never answer texts, except
 * for people who ticked "share my answer".
 *
 * @param answered how many people answered
 * @param averageScore mean score, 0 when nobody answered
 * @param keyPoints for each key point how many covered it (fully or partly) and how many missed it
 * @param mostMissed the key point missed by most (empty when nobody answered)
 * @param modelAnswer the rubric's reference answer
 * @param topScorers the best answers by name and score, at most 5 (ties by time of answer)
 * @param shared answers whose authors opted in to sharing
 */
public record RevealSummary(
    DailyPost post,
    int answered,
    double averageScore,
    List<KeyPointCount> keyPoints,
    Optional<KeyPointCount> mostMissed,
    String modelAnswer,
    String tip,
    List<Scorer> topScorers,
    List<SharedAnswer> shared) {

  public RevealSummary {
    keyPoints = List.copyOf(keyPoints);
    topScorers = List.copyOf(topScorers);
    shared = List.copyOf(shared);
  }

  public record KeyPointCount(
      String keyPointId, String text, int covered, int partial, int missed) {}

  public record Scorer(String personKey, String displayName, int score) {}

  public record SharedAnswer(String personKey, String displayName, int score, String answer) {}
}
