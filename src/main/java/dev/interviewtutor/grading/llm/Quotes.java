package dev.interviewtutor.grading.llm;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks that a quote an LLM gives as evidence really is in the learner's answer, ignoring case,
 * runs of whitespace, typographic quotes and dashes, and punctuation at the quote's ends. A quote
 * may skip text with an ellipsis; its pieces must then appear in order.
 */
final class Quotes {
  /** Shorter quotes ("a", "node") would be found in almost any answer, so they prove nothing. */
  static final int MIN_CHARS = 6;

  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern ENDS = Pattern.compile("^[\\p{Punct}\\s]+|[\\p{Punct}\\s]+$");
  private static final Pattern ELLIPSIS = Pattern.compile("\\.{3,}|…");

  private Quotes() {}

  static String normalise(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    s =
        s.replace('\u2018', '\'')
            .replace('\u2019', '\'')
            .replace('\u201C', '"')
            .replace('\u201D', '"')
            .replace('\u2013', '-')
            .replace('\u2014', '-');
    return SPACES.matcher(s).replaceAll(" ").strip();
  }

  /** True when {@code quote} (normalised) occurs in {@code answer} (normalised). */
  static boolean isIn(String quote, String answer) {
    if (quote == null) {
      return false;
    }
    String haystack = normalise(answer);
    int from = 0;
    int found = 0;
    for (String piece : ELLIPSIS.split(normalise(quote))) {
      String needle = ENDS.matcher(piece).replaceAll("");
      if (needle.isEmpty()) {
        continue;
      }
      int at = haystack.indexOf(needle, from);
      if (at < 0) {
        return false;
      }
      from = at + needle.length();
      found += needle.length();
    }
    return found >= Math.min(MIN_CHARS, ENDS.matcher(haystack).replaceAll("").length())
        && found > 0;
  }
}
