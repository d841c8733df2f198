package dev.interviewtutor.knowledge;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An answer to a question that someone has already graded, kept in the bank so the grader can
 * compare new answers with it ("correct: A closure keeps the variables of the scope it was created
 * in alive"). A bank author writes the wrong answers people actually give; the grader has no other
 * way to know that a fluent answer on the topic is wrong when the bank states nothing it
 * contradicts.
 *
 * @param text the answer as written
 * @param quality how good it is, 0–1: correct 1, partial 0.5, incorrect 0
 */
public record SampleAnswer(String text, double quality) {
  private static final Pattern LABELLED =
      Pattern.compile(
          "(?i)^\\s*(correct|right|good|partial|partially\\s+correct|incomplete|incorrect|wrong|bad)"
              + "\\s*[:—–-]\\s*(.+)$");

  public SampleAnswer {
    text = text.strip();
    if (text.isEmpty()) {
      throw new IllegalArgumentException("a sample answer needs its text");
    }
    if (!(quality >= 0 && quality <= 1)) {
      throw new IllegalArgumentException("a sample answer's quality is 0–1, not " + quality);
    }
  }

  /**
   * A {@code Sample Answers} bullet: a label ({@code correct}, {@code partial} or {@code
   * incorrect}, also {@code right}/{@code good}, {@code incomplete}, {@code wrong}/{@code bad}), a
   * colon or dash, then the answer. Empty when the line has no such label.
   */
  public static Optional<SampleAnswer> parse(String line) {
    Matcher m = LABELLED.matcher(line.strip());
    if (!m.matches() || m.group(2).isBlank()) {
      return Optional.empty();
    }
    String label = m.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    double quality =
        switch (label) {
          case "correct", "right", "good" -> 1.0;
          case "partial", "partially correct", "incomplete" -> 0.5;
          default -> 0.0;
        };
    return Optional.of(new SampleAnswer(unquoted(m.group(2)), quality));
  }

  /** The grade as a bank writes it: {@code correct}, {@code partial} or {@code incorrect}. */
  public String label() {
    return quality >= 1 ? "correct" : quality > 0 ? "partial" : "incorrect";
  }

  private static String unquoted(String s) {
    String t = s.strip();
    if (t.length() >= 2
        && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("“") && t.endsWith("”"))) {
      return t.substring(1, t.length() - 1);
    }
    return t;
  }
}
