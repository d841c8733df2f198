package dev.interviewtutor.knowledge.lint;

import dev.interviewtutor.knowledge.KeyPoint;
import dev.interviewtutor.knowledge.Question;
import dev.interviewtutor.knowledge.QuestionBank;
import dev.interviewtutor.knowledge.QuestionRubrics;
import dev.interviewtutor.knowledge.Rubric;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks each question's rubric for what makes grading unreliable: fewer than {@value
 * #MIN_KEY_POINTS} or more than {@value #MAX_KEY_POINTS} key points, two key points that say nearly
 * the same, a key point too vague to check, a tip that only repeats the explanation, and a "X vs Y"
 * question where no key point says how X and Y differ.
 *
 * <p>Words are compared as lower-case stems without common filler words; "nearly the same" is a
 * Jaccard overlap of at least {@value #DUPLICATE_OVERLAP} between two key points of three or more
 * such words.
 */
public final class BankLint {
  static final int MIN_KEY_POINTS = 3;
  static final int MAX_KEY_POINTS = 20;
  static final double DUPLICATE_OVERLAP = 0.8;
  static final double TIP_REPEAT_OVERLAP = 0.8;

  private static final Set<String> STOP =
      Set.of(
          "a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "is", "are", "be", "it",
          "its", "this", "that", "with", "as", "by", "at", "from", "can", "you", "your", "they",
          "them", "their", "which", "when", "so", "than", "then", "into", "only", "not", "no", "do",
          "does", "has", "have", "was", "were", "will", "would", "should", "may", "might", "one",
          "each", "all", "any", "more", "most", "but", "if");
  private static final Set<String> VAGUE =
      Set.of(
          "important",
          "useful",
          "good",
          "better",
          "best",
          "bad",
          "various",
          "many",
          "thing",
          "things",
          "stuff",
          "etc",
          "several",
          "different",
          "some",
          "way",
          "ways",
          "very",
          "really",
          "also",
          "lot",
          "lots",
          "basically",
          "simple",
          "easy",
          "help",
          "helps",
          "nice",
          "efficient",
          "powerful",
          "key",
          "concept",
          "matter",
          "matters",
          "great",
          "crucial",
          "essential",
          "benefit",
          "benefits",
          "feature",
          "features",
          "advantage",
          "advantages",
          "use",
          "used",
          "uses",
          "work",
          "works",
          "depends",
          "overview",
          "note",
          "notes");
  private static final Pattern VERSUS =
      Pattern.compile(
          "(?i)^(?:what(?:'s| is) the )?(?:difference between )?(.+?)\\s+(?:vs\\.?|versus|and|or)\\s+(.+?)\\??$");
  private static final Pattern DIFFERENCE =
      Pattern.compile("(?i).*\\b(difference|differ|vs\\.?|versus|compare)\\b.*");
  private static final Pattern CONTRAST =
      Pattern.compile(
          "(?i).*(\\bwhile\\b|\\bwhereas\\b|\\bbut\\b|\\bunlike\\b|\\binstead\\b|\\bnot\\b|\\bthan\\b|\\bhowever\\b|"
              + ";|\\bversus\\b|\\bvs\\b|≠|\\bother\\b).*");

  private BankLint() {}

  /** Every warning of every question, sorted by file and line. */
  public static List<LintWarning> lint(QuestionBank bank) {
    Map<String, Rubric> rubrics = QuestionRubrics.forBank(bank);
    List<LintWarning> warnings = new ArrayList<>();
    for (Question question : bank.questions()) {
      warnings.addAll(lint(question, rubrics.get(question.id())));
    }
    warnings.sort(
        Comparator.comparing((LintWarning w) -> w.location().file().toString())
            .thenComparingInt(w -> w.location().line()));
    return warnings;
  }

  /** The warnings of one question. */
  public static List<LintWarning> lint(Question question, Rubric rubric) {
    List<LintWarning> out = new ArrayList<>();
    List<KeyPoint> points = rubric.keyPoints();
    if (points.size() < MIN_KEY_POINTS) {
      out.add(
          warn(
              question,
              "only "
                  + points.size()
                  + (points.size() == 1 ? " key point" : " key points")
                  + " — an answer is judged on too little; add a ### Key Points list with at least "
                  + MIN_KEY_POINTS
                  + " facts a good answer states"));
    } else if (points.size() > MAX_KEY_POINTS) {
      out.add(
          warn(
              question,
              points.size()
                  + " key points — no answer covers that many; keep the "
                  + MAX_KEY_POINTS
                  + " that matter most and move the rest to another question"));
    }
    for (int i = 0; i < points.size(); i++) {
      Set<String> a = words(points.get(i).text());
      for (int j = i + 1; j < points.size(); j++) {
        Set<String> b = words(points.get(j).text());
        if (a.size() >= 3 && b.size() >= 3 && jaccard(a, b) >= DUPLICATE_OVERLAP) {
          out.add(
              warn(
                  question,
                  "key points "
                      + points.get(i).id()
                      + " and "
                      + points.get(j).id()
                      + " say nearly the same (\""
                      + points.get(i).text()
                      + "\" / \""
                      + points.get(j).text()
                      + "\") — merge them, or make each state a different fact"));
        }
      }
    }
    for (KeyPoint point : points) {
      // judged without the "Section: " prefix the rubric adds; one concrete word ("Cryptography")
      // is checkable
      String said = point.text().replaceFirst("^[^:]{1,40}:\\s+(?=\\S)", "");
      Set<String> content = words(said);
      content.removeAll(VAGUE);
      if (content.isEmpty()) {
        out.add(
            warn(
                question,
                "key point "
                    + point.id()
                    + " \""
                    + point.text()
                    + "\" is too vague to check — "
                    + "say what exactly a good answer states"));
      }
    }
    tipRepeatsExplanation(question).ifPresent(out::add);
    contrastMissing(question, points).ifPresent(out::add);
    return out;
  }

  private static Optional<LintWarning> tipRepeatsExplanation(Question question) {
    Set<String> tip = words(question.tip());
    Set<String> explanation = words(question.explanation());
    if (tip.size() < 3 || explanation.isEmpty()) {
      return Optional.empty();
    }
    long shared = tip.stream().filter(explanation::contains).count();
    if ((double) shared / tip.size() >= TIP_REPEAT_OVERLAP) {
      return Optional.of(
          warn(
              question,
              "the tip repeats the explanation — use it for what to stress or avoid in "
                  + "an interview, so it adds something to grade"));
    }
    return Optional.empty();
  }

  private static Optional<LintWarning> contrastMissing(Question question, List<KeyPoint> points) {
    String title = question.title().strip();
    if (!DIFFERENCE.matcher(title).matches()) {
      return Optional.empty();
    }
    Matcher versus = VERSUS.matcher(title);
    if (!versus.matches()) {
      return Optional.empty();
    }
    Set<String> left = words(versus.group(1));
    Set<String> right = words(versus.group(2));
    left.removeAll(Set.of("difference", "between", "what"));
    right.removeAll(left);
    if (left.isEmpty() || right.isEmpty()) {
      return Optional.empty();
    }
    for (KeyPoint point : points) {
      Set<String> words = words(point.text());
      boolean both =
          left.stream().anyMatch(words::contains) && right.stream().anyMatch(words::contains);
      if (both && CONTRAST.matcher(point.text()).matches()) {
        return Optional.empty();
      }
    }
    return Optional.of(
        warn(
            question,
            "\""
                + versus.group(1).strip()
                + "\" and \""
                + versus.group(2).strip()
                + "\" are compared, but no key point names both with the property that tells them apart — add one such as "
                + "\""
                + versus.group(1).strip()
                + " ..., whereas "
                + versus.group(2).strip()
                + " ...\" or a comparison table"));
  }

  private static LintWarning warn(Question question, String message) {
    return new LintWarning(question.location(), question.id(), message);
  }

  /** Lower-case word stems without filler words. */
  static Set<String> words(String text) {
    Set<String> out = new LinkedHashSet<>();
    for (String word :
        text.toLowerCase(Locale.ROOT).replaceAll("[`*_]", "").split("[^\\p{L}\\p{N}]+")) {
      if (word.isEmpty() || STOP.contains(word)) {
        continue;
      }
      out.add(stem(word));
    }
    return out;
  }

  private static String stem(String word) {
    if (word.length() > 5 && word.endsWith("ing")) {
      return word.substring(0, word.length() - 3);
    }
    if (word.length() > 4 && word.endsWith("ed")) {
      return word.substring(0, word.length() - 2);
    }
    if (word.length() > 4 && word.endsWith("es")) {
      return word.substring(0, word.length() - 2);
    }
    if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) {
      return word.substring(0, word.length() - 1);
    }
    return word;
  }

  private static double jaccard(Set<String> a, Set<String> b) {
    long shared = a.stream().filter(b::contains).count();
    return (double) shared / (a.size() + b.size() - shared);
  }
}
