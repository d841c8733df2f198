package dev.interviewtutor.grading.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a bank synonym as the concept it names: "The new generation is collected often" is read as
 * "The young generation is collected often" when the bank lists {@code young generation: new
 * generation}.
 *
 * <p>Why: term overlap folds synonyms ({@link Lexicon#withSynonyms}), but the sentence model and
 * the sibling-subject check see the words as written, so a right answer in the bank's own synonym
 * ("new generation", "scale out", "persistent XSS") could land nearer a sibling's claim or a
 * mistake than the key point it states. The grader reads each clause in the rubric's vocabulary and
 * quotes it as written.
 *
 * <p>Given the question's own synonyms (not the bank's merged ones: another question's "maybe" for
 * {@code Optional} is no synonym here), only groups whose term the rubric itself uses are applied;
 * a phrase that is itself a term of an applied group, an alternative of two groups, or an
 * alternative the rubric states in its own sense ("refer to the same object" beside "identity") is
 * left as written. Phrases are matched whole-word and case-insensitively, longest first, never
 * inside an identifier ("copy.deepcopy", "non-persistent", "useCallback(fn)") nor inside inline
 * code unless the code span is exactly the synonym.
 */
public final class SynonymCanon {
  /** Nothing to rewrite. */
  public static final SynonymCanon NONE = new SynonymCanon(Map.of());

  /** lower-case alternative → the term as the rubric writes it. */
  private final Map<String, String> canonical;

  private final Pattern phrases;

  private SynonymCanon(Map<String, String> canonical) {
    this.canonical = Map.copyOf(canonical);
    if (canonical.isEmpty()) {
      phrases = null;
      return;
    }
    List<String> alternatives = new ArrayList<>(canonical.keySet());
    alternatives.sort(
        Comparator.comparingInt(String::length)
            .reversed()
            .thenComparing(Comparator.naturalOrder()));
    StringBuilder alternation = new StringBuilder();
    for (String a : alternatives) {
      alternation.append(alternation.length() == 0 ? "" : "|").append(Pattern.quote(a));
    }
    phrases =
        Pattern.compile(
            "(?<![\\p{L}\\p{N}_#./\\-])(?:"
                + alternation
                + ")(?![\\p{L}\\p{N}_(\\-]|\\.[\\p{L}\\p{N}_])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /**
   * The rewriting for one rubric.
   *
   * @param synonyms the question's own synonyms ({@code Rubric.questionSynonyms}): lower-case term
   *     → alternatives
   * @param statements what the rubric says is right (question, key points, model answer, tip): an
   *     alternative the bank itself says there is its own word, not read as another
   * @param mistakes the rubric's wrong beliefs: read like answers
   */
  public static SynonymCanon of(
      Map<String, List<String>> synonyms,
      Collection<String> statements,
      Collection<String> mistakes) {
    if (synonyms.isEmpty()) {
      return NONE;
    }
    List<String> rubricTexts = new ArrayList<>(statements);
    rubricTexts.addAll(mistakes);
    // the term as the rubric writes it ("ConcurrentHashMap", "IPv4"), for the groups it uses
    Map<String, String> applied = new LinkedHashMap<>();
    for (String term : synonyms.keySet().stream().sorted().toList()) {
      String surface = surface(term, rubricTexts);
      if (surface != null) {
        // written as the rubric writes it only where its capitals are part of the name
        // ("ConcurrentHashMap", "IPv4"), not where a title or a sentence start gave them
        applied.put(term, capitalisedWords(surface) ? term : surface);
      }
    }
    Map<String, String> canonical = new LinkedHashMap<>();
    Map<String, Integer> groups = new LinkedHashMap<>();
    for (Map.Entry<String, String> group : applied.entrySet()) {
      for (String alternative : synonyms.get(group.getKey())) {
        String alt = alternative.strip().toLowerCase(Locale.ROOT);
        groups.merge(alt, 1, Integer::sum);
        // a concept in its own right, or a phrase too short to mean anything alone, stays
        if (alt.length() < 2
            || applied.containsKey(alt)
            || Lexicon.tokens(alt).isEmpty()
            || usedOutsideGloss(alt, group.getKey(), statements)) {
          continue;
        }
        canonical.putIfAbsent(alt, group.getValue());
      }
    }
    // an alternative of two groups names neither for sure
    groups.forEach(
        (alt, n) -> {
          if (n > 1) {
            canonical.remove(alt);
          }
        });
    if (canonical.isEmpty()) {
      return NONE;
    }
    // each term reads as itself: "type annotation" is not rewritten through its alternative
    // "annotation"
    applied.forEach(canonical::putIfAbsent);
    return new SynonymCanon(canonical);
  }

  /**
   * Whether the rubric says {@code alternative} itself, other than as a gloss in parentheses
   * ("vertical (scale up)"): the bank then uses it in its own sense ("refer to the same object", "a
   * .d.ts file"), and the answer's use of it is already compared with the bank's as written.
   */
  private static boolean usedOutsideGloss(
      String alternative, String term, Collection<String> texts) {
    // (mistakes are not counted: they are read in the rubric's terms like answers, see
    // RubricVectors)
    Pattern p = wholeWord(alternative);
    for (String text : texts) {
      if (text == null) {
        continue;
      }
      // the term's own words are not a use of a shorter alternative ("type annotation" /
      // "annotation")
      String rest = wholeWord(term).matcher(text).replaceAll(" ");
      Matcher m = p.matcher(rest);
      while (m.find()) {
        String before = rest.substring(0, m.start());
        if (before.chars().filter(c -> c == '(').count()
            <= before.chars().filter(c -> c == ')').count()) {
          return true;
        }
      }
    }
    return false;
  }

  private static Pattern wholeWord(String phrase) {
    return Pattern.compile(
        "(?<![\\p{L}\\p{N}_])" + Pattern.quote(phrase) + "(?![\\p{L}\\p{N}_])",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /** The first whole-word occurrence of {@code term} in the texts as written there, or null. */
  private static String surface(String term, Collection<String> texts) {
    Pattern p = wholeWord(term);
    for (String text : texts) {
      if (text == null) {
        continue;
      }
      Matcher m = p.matcher(text);
      if (m.find()) {
        return m.group();
      }
    }
    return null;
  }

  /** Whether every capital of the text opens a word ("Major Compaction", "Object.freeze"). */
  private static boolean capitalisedWords(String text) {
    for (int i = 1; i < text.length(); i++) {
      if (Character.isUpperCase(text.charAt(i)) && Character.isLetter(text.charAt(i - 1))) {
        return false;
      }
    }
    return true;
  }

  /** Whether this rewrites nothing. */
  public boolean isEmpty() {
    return phrases == null;
  }

  /** The rubric's term for each synonym this reads (lower-case synonym → term as written). */
  public Map<String, String> mapping() {
    Map<String, String> out = new java.util.TreeMap<>(canonical);
    out.entrySet().removeIf(e -> e.getKey().equalsIgnoreCase(e.getValue()));
    return out;
  }

  /** The text with each synonym replaced by the term it names; unchanged when none occurs. */
  public String canonical(String text) {
    if (phrases == null || text == null || text.isEmpty()) {
      return text;
    }
    Matcher m = phrases.matcher(text);
    StringBuilder out = null;
    int last = 0;
    while (m.find()) {
      if (insideCode(text, m.start(), m.end())) {
        continue;
      }
      String term = canonical.get(m.group().toLowerCase(Locale.ROOT));
      if (term == null
          || term.equalsIgnoreCase(m.group())
          || namesTermElsewhere(text, term, m.start(), m.end())) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length() + 16);
      }
      out.append(text, last, m.start());
      boolean capital =
          Character.isUpperCase(m.group().charAt(0)) && opensSentence(text, m.start());
      out.append(
          capital && Character.isLowerCase(term.charAt(0))
              ? Character.toUpperCase(term.charAt(0)) + term.substring(1)
              : term);
      last = m.end();
    }
    if (out == null) {
      return text;
    }
    return out.append(text, last, text.length()).toString();
  }

  /**
   * Whether the text already names {@code term} outside the synonym at {@code start}..{@code end}:
   * then the synonym says what the term is ("Vertical scaling means a bigger machine"), and
   * rewriting it would leave "vertical scaling means vertical scaling".
   */
  private static boolean namesTermElsewhere(String text, String term, int start, int end) {
    String lower = text.toLowerCase(Locale.ROOT);
    String t = term.toLowerCase(Locale.ROOT);
    for (int at = lower.indexOf(t); at >= 0; at = lower.indexOf(t, at + 1)) {
      boolean wordStart = at == 0 || !Character.isLetterOrDigit(lower.charAt(at - 1));
      int after = at + t.length();
      boolean wordEnd = after >= lower.length() || !Character.isLetterOrDigit(lower.charAt(after));
      if (wordStart && wordEnd && (after <= start || at >= end)) {
        return true;
      }
    }
    return false;
  }

  /** The clauses with their text read in the rubric's terms; each sentence stays as written. */
  public List<TextUnits.Unit> units(List<TextUnits.Unit> units) {
    if (phrases == null) {
      return units;
    }
    List<TextUnits.Unit> out = new ArrayList<>(units.size());
    for (TextUnits.Unit u : units) {
      out.add(new TextUnits.Unit(canonical(u.text()), u.sentence(), u.sentenceIndex()));
    }
    return out;
  }

  /** Whether only spaces, bullets or quotes stand between {@code at} and a sentence's end. */
  private static boolean opensSentence(String text, int at) {
    for (int i = at - 1; i >= 0; i--) {
      char c = text.charAt(i);
      if (".!?\n".indexOf(c) >= 0) {
        return true;
      }
      if (Character.isLetterOrDigit(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether [start, end) lies inside an inline code span (between backticks) that is more than the
   * phrase itself: "`copy.copy`" is the synonym; "`useMemo(() => x)`" is code.
   */
  private static boolean insideCode(String text, int start, int end) {
    int ticks = 0;
    int open = -1;
    for (int i = 0; i < start; i++) {
      if (text.charAt(i) == '`') {
        ticks++;
        open = i;
      }
    }
    if (ticks % 2 == 0) {
      return false;
    }
    int close = text.indexOf('`', end);
    if (close < 0) {
      return false; // an unclosed backtick opens no code span
    }
    String code = text.substring(open + 1, close).strip().replaceAll("\\(\\)$", "");
    return !code.equalsIgnoreCase(text.substring(start, end));
  }
}
