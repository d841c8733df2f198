package dev.interviewtutor.knowledge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rubric from a bare question and its reference answer (datasets, ad-hoc questions): the key
 * points are the answer's clauses. Sentences are split first, then coordinated clauses and list
 * items, so that "a name, a type and a value" gives three key points and "X; Y" two. Weights grow
 * with the content a point carries.
 */
public final class ReferenceAnswerRubrics {
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z0-9(\"'])");
  private static final Pattern LIST_ITEM =
      Pattern.compile("^\\s*(?:[-*•]|\\(?\\d{1,2}[.)]|\\(?[a-z][.)])\\s+");
  private static final Pattern INLINE_ENUM = Pattern.compile("\\(?(?:\\d{1,2}|[a-h])\\)\\s+");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final List<String> FUNCTION_WORDS =
      List.of(
          "a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "is", "are", "be", "it",
          "that", "this", "with", "as", "by", "at", "from", "can", "will", "which");

  private ReferenceAnswerRubrics() {}

  public static Rubric of(String questionId, String question, String referenceAnswer) {
    String reference = referenceAnswer == null ? "" : referenceAnswer.strip();
    String questionText = question == null ? "" : question.strip();
    List<String> clauses = clauses(reference.isEmpty() ? questionText : reference);
    List<KeyPoint> points = new ArrayList<>();
    for (String clause : clauses) {
      points.add(
          new KeyPoint("kp" + (points.size() + 1), clause, weight(clause), List.of(), "reference"));
    }
    if (points.isEmpty()) {
      points.add(
          new KeyPoint(
              "kp1", reference.isEmpty() ? questionText : reference, 1.0, List.of(), "reference"));
    }
    String version = version(questionId, questionText, reference);
    return new Rubric(
        questionId,
        questionText,
        "",
        points,
        List.of(),
        List.of(),
        Map.of(),
        reference,
        "",
        version);
  }

  /**
   * The key-point clauses of a reference answer, verbatim apart from trimmed joints and end
   * punctuation.
   */
  static List<String> clauses(String reference) {
    List<String> out = new ArrayList<>();
    for (String line : reference.split("\\R")) {
      String item = LIST_ITEM.matcher(line).replaceFirst("");
      for (String sentence : SENTENCE_END.split(item)) {
        for (String part : sentence.split(";|\\s+--?\\s+")) {
          for (String enumerated : INLINE_ENUM.split(part)) {
            splitCoordination(enumerated, out);
          }
        }
      }
    }
    return out;
  }

  /**
   * "A, B, and C" (three or more items) → items; "X and Y" only when both sides are clauses of 3+
   * words.
   */
  private static void splitCoordination(String text, List<String> out) {
    String t = trim(text);
    if (contentWords(t) == 0) {
      return;
    }
    String[] commaItems = t.split(",\\s*(?:and\\s+|or\\s+)?|\\s+(?:and|or)\\s+(?=[^,]*$)");
    long commas = t.chars().filter(c -> c == ',').count();
    if (commas >= 2 && commaItems.length >= 3 && allShort(commaItems)) {
      // a list: keep the lead-in ("It has a name, a type and a value") with the first item only
      for (String item : commaItems) {
        addIfContent(out, item);
      }
      return;
    }
    Matcher and =
        Pattern.compile("\\s*,?\\s+(?:and|but|whereas|while)\\s+", Pattern.CASE_INSENSITIVE)
            .matcher(t);
    int start = 0;
    List<String> parts = new ArrayList<>();
    while (and.find()) {
      String left = t.substring(start, and.start());
      String rest = t.substring(and.end());
      if (words(left) >= 3
          && words(rest) >= 3
          && contentWords(left) >= 2
          && contentWords(rest) >= 2) {
        parts.add(left);
        start = and.end();
      }
    }
    parts.add(t.substring(start));
    for (String p : parts) {
      addIfContent(out, p);
    }
  }

  private static boolean allShort(String[] items) {
    for (String i : items) {
      if (words(i) > 8) {
        return false;
      }
    }
    return true;
  }

  private static void addIfContent(List<String> out, String s) {
    String t = trim(s);
    if (contentWords(t) > 0) {
      out.add(t);
    }
  }

  private static String trim(String s) {
    return s.strip().replaceAll("^[,:;.\\-]+|[,:;.!?\\-]+$", "").strip();
  }

  private static int words(String s) {
    Matcher m = WORD.matcher(s);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static int contentWords(String s) {
    Matcher m = WORD.matcher(s.toLowerCase(Locale.ROOT));
    int n = 0;
    while (m.find()) {
      if (!FUNCTION_WORDS.contains(m.group())) {
        n++;
      }
    }
    return n;
  }

  private static double weight(String clause) {
    return Math.round(Math.sqrt(Math.max(1, contentWords(clause))) * 100) / 100.0;
  }

  /** A short hash of the parts (rubric cache keys change when any part does). */
  public static String version(String... parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String p : parts) {
        sha.update((p == null ? "" : p).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
