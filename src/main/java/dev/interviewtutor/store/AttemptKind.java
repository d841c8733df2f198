package dev.interviewtutor.store;

import java.util.Locale;

/** Why an answer was given; decides how it earns points. */
public enum AttemptKind {
  PRACTICE,
  DAILY,
  REVIEW,
  INTERVIEW;

  public String dbName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static AttemptKind fromDb(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
