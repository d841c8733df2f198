package dev.interviewtutor.practice;

import dev.interviewtutor.store.StreakRow;
import java.time.LocalDate;
import java.util.Optional;

/** Streaks of consecutive local days with at least one graded answer. */
final class Streaks {
  private Streaks() {}

  /** The streak after an answer on local day {@code day}. */
  static StreakRow advance(Optional<StreakRow> previous, long personId, LocalDate day) {
    if (previous.isEmpty()) {
      return new StreakRow(personId, 1, 1, day.toString());
    }
    StreakRow p = previous.get();
    LocalDate last = LocalDate.parse(p.lastDay());
    if (!day.isAfter(last)) {
      return p; // same day, or an earlier day after a zone change: nothing new
    }
    int current = day.equals(last.plusDays(1)) ? p.current() + 1 : 1;
    return new StreakRow(personId, current, Math.max(p.best(), current), day.toString());
  }

  /** The streak as of {@code today}: broken (0) when the last answer was before yesterday. */
  static int current(Optional<StreakRow> streak, LocalDate today) {
    if (streak.isEmpty()) {
      return 0;
    }
    LocalDate last = LocalDate.parse(streak.get().lastDay());
    return last.isBefore(today.minusDays(1)) ? 0 : streak.get().current();
  }
}
