package dev.interviewtutor.practice;

import dev.interviewtutor.grading.Grade;
import dev.interviewtutor.knowledge.Question;
import java.time.LocalDate;

/**
 * A graded, recorded answer.
 *
 * @param question the question answered
 * @param grade the grader's result (feedback, covered and missed key points, misconceptions, tip)
 * @param missed the grade's missed key points as front-ends list them: heaviest first, capped
 * @param score the score recorded: the grade's score, capped at {@link
 *     PracticeService#HINT_SCORE_CAP} when a hint was used
 * @param hintCapped whether the cap lowered the score
 * @param points points awarded (0 when this question already earned points today)
 * @param attemptId the stored attempt
 * @param nextReview local day on which the question is due again
 * @param currentStreak the person's streak in local days after this answer
 */
public record AnswerResult(
    Question question,
    Grade grade,
    MissedPoints missed,
    int score,
    boolean hintCapped,
    int points,
    long attemptId,
    LocalDate nextReview,
    int currentStreak) {

  /**
   * What the answer earned, for a learner: "+1 point", "+72 points"; "no points (only your first
   * answer to a question each day counts)" when the no-farming rule held them back (whatever
   * today's first answer scored, so a first answer that scored 0 is never described as having
   * earned points); "no points (score 0)" for a counted answer that scored 0 (points are the
   * recorded score).
   */
  public String pointsLabel() {
    if (points > 0) {
      return "+" + points + (points == 1 ? " point" : " points");
    }
    return score > 0
        ? "no points (only your first answer to a question each day counts)"
        : "no points (score 0)";
  }
}
