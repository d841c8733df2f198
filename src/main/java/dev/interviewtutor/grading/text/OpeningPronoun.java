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

  /**
   * The opening pronoun for one thing: "It", "It's", and "Its" before an article (a slip for
   * "it's": "its a way to ..."); "Its main job ..." is the possessive.
   */
  private static final Pattern OPENING = Pattern.compile("(?i)^(it's|it’s|it is|its|it)\\b");

  private static final Pattern ARTICLE_NEXT = Pattern.compile("(?i)^\\s+(?:a|an|the)\\b");

  /** The opening pronoun for the things a question compares: "They", "They're", "Both". */
  private static final Pattern OPENING_SEVERAL =
      Pattern.compile("(?i)^(they're|they’re|they are|they|both are|both)\\b");

  private static final Pattern SECOND_QUESTION =
      Pattern.compile(
          "(?i)(?:\\s+for)?\\s*,?\\s+and\\s+(?:what|why|how|when|where|which|who)\\b.*$");

  private OpeningPronoun() {}

  /**
   * The thing a question title asks about ("a Git Commit Object"), or empty when the title does not
   * name one thing in a form read here (a comparison, "How do you ...").
   */
  public static String subjectOf(String title) {
    // "What Is NAT and Why Is It Used?", "What Are Refs For, and How ...": the second question is
    // no part of the name
    String t =
        SECOND_QUESTION
            .matcher(title.strip().replace("`", ""))
            .replaceFirst("")
            .replaceAll("\\?$", "");
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
   * The units with the answer's opening pronoun read as what it stands for: "It ..." as {@code
   * subject}, "They ..." or "Both ..." as the things the question compares ({@code compared}:
   * "Rebase", "Merge" → "Rebase and Merge"). The first sentence's first clause only, where nothing
   * came before it to refer to; unchanged when there is nothing to read it as.
   */
  public static List<TextUnits.Unit> resolve(
      List<TextUnits.Unit> units, String subject, List<String> compared) {
    if (units.isEmpty()) {
      return units;
    }
    TextUnits.Unit first = units.get(0);
    String text = first.text().strip();
    String replaced;
    Matcher one = OPENING.matcher(text);
    Matcher several = OPENING_SEVERAL.matcher(text);
    if (!subject.isBlank() && one.find()) {
      String pronoun = one.group(1).toLowerCase(Locale.ROOT);
      String as =
          switch (pronoun) {
            case "it" -> subject;
            case "its" ->
                ARTICLE_NEXT.matcher(text.substring(one.end())).find()
                    ? subject + " is"
                    : subject + "'s";
            default -> subject + " is";
          };
      replaced = as + text.substring(one.end());
    } else if (compared.size() >= 2 && several.find()) {
      String pronoun = several.group(1).toLowerCase(Locale.ROOT);
      String names =
          String.join(", ", compared.subList(0, compared.size() - 1))
              + " and "
              + compared.get(compared.size() - 1);
      replaced =
          (pronoun.equals("they") || pronoun.equals("both") ? names : names + " are")
              + text.substring(several.end());
    } else {
      return units;
    }
    List<TextUnits.Unit> out = new ArrayList<>(units);
    out.set(0, new TextUnits.Unit(replaced, first.sentence(), first.sentenceIndex()));
    return out;
  }
}
