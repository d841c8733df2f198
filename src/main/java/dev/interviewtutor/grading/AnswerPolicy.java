package dev.interviewtutor.grading;

/** Limits every front-end and grader applies to answers. */
public final class AnswerPolicy {
  /** Longest answer graded, in characters (Discord's modal paragraph limit is the same). */
  public static final int MAX_CHARS = 4000;

  private AnswerPolicy() {}

  /**
   * Throws a clear {@link AnswerRejectedException} when the answer is too long; null counts as
   * empty.
   */
  public static String check(String answer) {
    String text = answer == null ? "" : answer;
    if (text.length() > MAX_CHARS) {
      throw new AnswerRejectedException(
          "Your answer is "
              + text.length()
              + " characters; the limit is "
              + MAX_CHARS
              + ". Shorten it to the key ideas and try again.");
    }
    return text;
  }
}
