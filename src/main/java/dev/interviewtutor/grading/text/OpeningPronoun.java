package dev.interviewtutor.grading.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An answer that opens with "It ..." is about what the question asks about: "It's a snapshot of
 * your code" answers "What does a Git commit object contain?" as "a Git commit object is a snapshot
 * of your code". The pronoun has nothing before it to refer to, so the clause is read with the
 * question's subject in its place; the quote keeps the answer's words.
 */
public final class OpeningPronoun {
  /** "What is X?", "What are X?" (not "What is the difference between ..."). */
  private static final Pattern WHAT_IS =
      Pattern.compile("(?i)^what (?:is|are) (?!the difference|the differences)(.+?)\\??$");

  /** "What does X do / contain / mean?", "How does X work?". */
  private static final Pattern DOES =
      Pattern.compile(
          "(?i)^(?:what (?:does|do) (.+?) (?:do|contain|mean|store|hold)"
              + "|how (?:does|do) (.+?) work)\\??$");

  /** The opening pronoun: "It", "It's", "Its" (for "it's"), "They", "They're". */
  private static final Pattern OPENING =
      Pattern.compile("(?i)^(it's|it’s|its|it is|it|they're|they’re|they are|they)\\b");

  private OpeningPronoun() {}

  /**
   * The thing a question title asks about ("a Git Commit Object"), or empty when the title does not
   * name one thing in a form read here (a comparison, "How do you ...").
   */
  public static String subjectOf(String title) {
    String t = title.strip().replace("`", "");
    for (Pattern p : List.of(WHAT_IS, DOES)) {
      Matcher m = p.matcher(t);
      if (m.matches()) {
        String subject = m.group(1) != null ? m.group(1) : m.group(m.groupCount());
        if (subject == null || subject.contains(" vs") || Lexicon.tokens(subject).size() > 6) {
          return "";
        }
        return subject.strip();
      }
    }
    return "";
  }

  /**
   * The units with the answer's opening pronoun read as {@code subject}: the first sentence's first
   * clause only, where nothing came before it to refer to. Unchanged when the subject is empty.
   */
  public static List<TextUnits.Unit> resolve(List<TextUnits.Unit> units, String subject) {
    if (subject.isBlank() || units.isEmpty()) {
      return units;
    }
    TextUnits.Unit first = units.get(0);
    Matcher m = OPENING.matcher(first.text().strip());
    if (!m.find()) {
      return units;
    }
    String pronoun = m.group(1).toLowerCase(Locale.ROOT);
    String replaced =
        (pronoun.equals("it") || pronoun.equals("they") ? subject : subject + " is")
            + first.text().strip().substring(m.end());
    List<TextUnits.Unit> out = new ArrayList<>(units);
    out.set(0, new TextUnits.Unit(replaced, first.sentence(), first.sentenceIndex()));
    return out;
  }
}
