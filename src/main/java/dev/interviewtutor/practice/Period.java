package dev.interviewtutor.practice;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;

/** A leaderboard period: the ISO week (Monday first) or month of a local day, or all time. */
public enum Period {
  WEEK,
  MONTH,
  ALL;

  /** Parses "week", "month", "all" (case-insensitive). */
  public static Period parse(String value) {
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("period must be week, month or all, not '" + value + "'");
    }
  }

  /** The summary key of this period containing {@code day}. */
  public String key(LocalDate day) {
    return switch (this) {
      case WEEK ->
          String.format(
              Locale.ROOT,
              "w:%d-W%02d",
              day.get(IsoFields.WEEK_BASED_YEAR),
              day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      case MONTH -> String.format(Locale.ROOT, "m:%d-%02d", day.getYear(), day.getMonthValue());
      case ALL -> "all";
    };
  }

  /** The keys an answer given on {@code day} counts towards. */
  static List<String> keysFor(LocalDate day) {
    return List.of(ALL.key(day), WEEK.key(day), MONTH.key(day));
  }
}
