package dev.interviewtutor.practice;

import dev.interviewtutor.store.Person;
import java.time.LocalDate;
import java.util.List;

/**
 * A person's progress.
 *
 * @param answers graded answers given
 * @param averageScore mean score of those answers (0 when none)
 * @param points all points earned (all scopes)
 * @param currentStreak consecutive local days with an answer, ending today or yesterday
 * @param bestStreak longest streak ever
 * @param dueReviews questions due for review today
 * @param topics mastery per topic, in bank order
 * @param questions mastery per answered question, in bank order
 * @param overTime per local day: average score and cumulative points (for a chart)
 */
public record PersonStats(
    Person person,
    int answers,
    double averageScore,
    int points,
    int currentStreak,
    int bestStreak,
    int dueReviews,
    List<TopicMastery> topics,
    List<QuestionMastery> questions,
    List<DayPoint> overTime) {

  public PersonStats {
    topics = List.copyOf(topics);
    questions = List.copyOf(questions);
    overTime = List.copyOf(overTime);
  }

  /**
   * @param mastery mean question mastery over every question of the topic, unanswered ones counting
   *     0 (0–100)
   */
  public record TopicMastery(
      String topic, int questionsAnswered, int questionsTotal, int mastery) {}

  /**
   * @param mastery mean of the last three scores (0–100)
   */
  public record QuestionMastery(
      String questionId,
      String title,
      String topic,
      int attempts,
      int lastScore,
      int mastery,
      LocalDate due) {}

  public record DayPoint(LocalDate day, int answers, double averageScore, int cumulativePoints) {}
}
