package dev.interviewtutor.practice;

import dev.interviewtutor.store.ReviewState;
import java.time.LocalDate;
import java.util.Optional;

/**
 * SuperMemo-2 (Wozniak 1990) driven by the grade: the 0–100 score maps to SM-2 quality 0–5; quality
 * below 3 restarts the repetitions with a 1-day interval (a poor answer comes back tomorrow),
 * otherwise the interval grows 1, 6, then previous × ease. Ease starts at 2.5 and never drops below
 * 1.3.
 */
public final class Sm2 {
  public static final double INITIAL_EASE = 2.5;
  public static final double MIN_EASE = 1.3;

  private Sm2() {}

  /** SM-2 quality (0–5) of a score (0–100). */
  public static int quality(int score) {
    return Math.max(0, Math.min(5, (int) Math.round(score / 20.0)));
  }

  /** The state after answering with {@code score} on local day {@code today}. */
  public static ReviewState next(
      Optional<ReviewState> previous,
      long personId,
      String questionId,
      int score,
      LocalDate today,
      long now) {
    int q = quality(score);
    int reps = previous.map(ReviewState::repetitions).orElse(0);
    int interval = previous.map(ReviewState::intervalDays).orElse(0);
    double ease = previous.map(ReviewState::ease).orElse(INITIAL_EASE);
    if (q < 3) {
      reps = 0;
      interval = 1;
    } else {
      interval =
          switch (reps) {
            case 0 -> 1;
            case 1 -> 6;
            default -> (int) Math.round(interval * ease);
          };
      reps++;
    }
    ease = Math.max(MIN_EASE, ease + 0.1 - (5 - q) * (0.08 + (5 - q) * 0.02));
    return new ReviewState(
        personId,
        questionId,
        reps,
        interval,
        ease,
        today.plusDays(interval).toString(),
        score,
        now);
  }
}
