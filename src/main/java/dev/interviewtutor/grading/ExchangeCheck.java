package dev.interviewtutor.grading;

import dev.interviewtutor.grading.text.Lexicon;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds sentences that say one of the bank's key points word for word, but with two sibling names
 * exchanged ("promise callbacks are tasks and run before the next timer microtask" where the bank
 * says "... are microtasks and run before the next timer task").
 *
 * <p>{@link SwapCheck} compares what a clause says of the sibling that opens it; names that are
 * only objects ("runs one task, then drains all microtasks") open no clause, and the sentence model
 * cannot tell the two orders apart (measured: within 0.01). Word order can: with every sibling name
 * read as one placeholder, the sentence lines up with the key point; with the names as themselves
 * it lines up only once the two are exchanged.
 *
 * <p>Names joined as one subject ("tasks and microtasks", "A or B") are read in either order and
 * never count as an exchange.
 */
final class ExchangeCheck {

  /** The sentence must line up with at least this share of the key point's words. */
  static final double KEY_POINT_SHARE = 0.8;

  /** ... and this share of its own words must line up (the rest is the answer's own wording). */
  static final double SENTENCE_SHARE = 0.5;

  /** Key points shorter than this (in content words and names) say too little to compare. */
  static final int MIN_WORDS = 4;

  /** Joins two names into one subject: nothing but these between them. */
  private static final Pattern COORDINATED =
      Pattern.compile("(?i)[\\s`*\"'’‘(),/&]*(?:(?:and|or|nor|vs\\.?|versus)[\\s`*\"'‘(]*)?");

  /** Kept though they are stopwords: they change what a sentence claims. */
  private static final Set<String> KEPT =
      Set.of("no", "not", "never", "without", "before", "after", "first", "last", "then");

  /**
   * Sentence {@code sentence} has {@code first} where key point {@code keyPoint} has {@code second}
   * (and, for an exchange, the other way round too).
   */
  record Exchange(int sentence, int first, int second, int keyPoint) {}

  /**
   * Sentences that say a key point word for word with one sibling name put in place of another,
   * where the bank says the opposite of the put-in one ("GET and DELETE are idempotent but unsafe"
   * where the key point has PUT, and the bank says GET is safe). {@code contradicts} tells whether
   * the sentence denies what the bank says of a subject.
   */
  static List<Exchange> substitutions(
      Siblings siblings,
      Lexicon lexicon,
      List<String> keyPoints,
      List<String> sentences,
      java.util.function.BiPredicate<String, Integer> contradicts) {
    List<Exchange> out = new ArrayList<>();
    List<Sequence> points = sequences(siblings, lexicon, keyPoints);
    if (points.isEmpty()) {
      return out;
    }
    for (int s = 0; s < sentences.size(); s++) {
      Sequence answer = sequence(siblings, lexicon, sentences.get(s));
      found:
      for (int k = 0; k < points.size(); k++) {
        Sequence point = points.get(k);
        if (point.words().size() < MIN_WORDS
            || answer.words().size() != point.words().size()
            || !masked(answer.words()).equals(masked(point.words()))) {
          continue;
        }
        for (int i = 0; i < answer.words().size(); i++) {
          String a = answer.words().get(i);
          String b = point.words().get(i);
          if (a.startsWith("§") && b.startsWith("§") && !a.equals(b)) {
            int put = Integer.parseInt(a.substring(1));
            int replaced = Integer.parseInt(b.substring(1));
            if (!point.names().contains(put) && contradicts.test(sentences.get(s), put)) {
              out.add(new Exchange(s, put, replaced, k));
              break found;
            }
          }
        }
      }
    }
    return out;
  }

  private ExchangeCheck() {}

  /**
   * The exchanges in the sentences, at most one per sentence. Texts are compared as given: pass
   * both in the rubric's terms (its synonyms folded).
   */
  static List<Exchange> find(
      Siblings siblings, Lexicon lexicon, List<String> keyPoints, List<String> sentences) {
    List<Exchange> out = new ArrayList<>();
    List<Sequence> points = sequences(siblings, lexicon, keyPoints);
    if (points.isEmpty()) {
      return out;
    }
    for (int s = 0; s < sentences.size(); s++) {
      Sequence answer = sequence(siblings, lexicon, sentences.get(s));
      if (answer.names().size() < 2) {
        continue;
      }
      found:
      for (int k = 0; k < points.size(); k++) {
        Sequence point = points.get(k);
        if (point.words().size() < MIN_WORDS || point.names().size() < 2) {
          continue;
        }
        List<String> masked = masked(answer.words());
        int aligned = lcs(masked, masked(point.words()));
        if (aligned < KEY_POINT_SHARE * point.words().size()
            || aligned < SENTENCE_SHARE * answer.words().size()) {
          continue;
        }
        int asWritten = lcs(answer.words(), point.words());
        for (int a : answer.names()) {
          for (int b : answer.names()) {
            if (a >= b
                || !point.names().contains(a)
                || !point.names().contains(b)
                || answer.coordinated().contains(pair(a, b))
                || point.coordinated().contains(pair(a, b))) {
              continue;
            }
            int exchanged = lcs(exchange(answer.words(), a, b), point.words());
            if (exchanged == aligned && asWritten < exchanged) {
              out.add(new Exchange(s, a, b, k));
              break found;
            }
          }
        }
      }
    }
    return out;
  }

  /**
   * Whether {@code clause} names siblings and none of those {@code belief} names, while the belief
   * names some: "New objects are allocated in the young generation" is not the belief "New objects
   * are allocated straight into the old generation", however alike the rest of the words.
   */
  static boolean namesOnlyOtherSiblings(Siblings siblings, String belief, String clause) {
    if (siblings.subjects.size() < 2) {
      return false;
    }
    Set<Integer> inBelief = new java.util.HashSet<>();
    siblings.mentions(belief).forEach(m -> inBelief.add(m[2]));
    Set<Integer> inClause = new java.util.HashSet<>();
    siblings.mentions(clause).forEach(m -> inClause.add(m[2]));
    return !inBelief.isEmpty()
        && !inClause.isEmpty()
        && java.util.Collections.disjoint(inBelief, inClause);
  }

  /**
   * A text as content words (folded stems) and sibling names ("§" + subject index), in order, with
   * the pairs of names it joins as one subject.
   */
  private record Sequence(List<String> words, Set<Integer> names, Set<Long> coordinated) {}

  /** The key points as sequences; none when there are no two siblings to tell apart. */
  private static List<Sequence> sequences(
      Siblings siblings, Lexicon lexicon, List<String> keyPoints) {
    return siblings.subjects.size() < 2
        ? List.of()
        : keyPoints.stream().map(t -> sequence(siblings, lexicon, t)).toList();
  }

  private static Sequence sequence(Siblings siblings, Lexicon lexicon, String text) {
    List<String> words = new ArrayList<>();
    java.util.Set<Integer> names = new java.util.LinkedHashSet<>();
    java.util.Set<Long> coordinated = new java.util.HashSet<>();
    int from = 0;
    int[] previous = null;
    for (int[] m : siblings.mentions(text)) {
      addWords(words, lexicon, text.substring(from, m[0]));
      words.add(name(m[2]));
      names.add(m[2]);
      if (previous != null
          && previous[2] != m[2]
          && COORDINATED.matcher(text.substring(previous[1], m[0])).matches()) {
        coordinated.add(pair(previous[2], m[2]));
      }
      previous = m;
      from = m[1];
    }
    addWords(words, lexicon, text.substring(from));
    return new Sequence(words, names, coordinated);
  }

  /** The text's content words in order, read as the lexicon's terms (negations kept). */
  static List<String> words(Lexicon lexicon, String text) {
    List<String> words = new ArrayList<>();
    addWords(words, lexicon, text);
    return words;
  }

  private static void addWords(List<String> words, Lexicon lexicon, String text) {
    for (String t : Lexicon.tokens(text)) {
      if (KEPT.contains(t) || t.endsWith("n't")) {
        words.add(t.endsWith("n't") ? "not" : t);
      } else if (!Lexicon.isStopword(t) && (t.length() > 1 || Character.isDigit(t.charAt(0)))) {
        words.add(lexicon.term(t));
      }
    }
  }

  private static String name(int subject) {
    return "§" + subject;
  }

  private static long pair(int a, int b) {
    return ((long) Math.min(a, b) << 32) | Math.max(a, b);
  }

  private static List<String> masked(List<String> words) {
    return words.stream().map(w -> w.startsWith("§") ? "§" : w).toList();
  }

  private static List<String> exchange(List<String> words, int a, int b) {
    String na = name(a);
    String nb = name(b);
    return words.stream().map(w -> w.equals(na) ? nb : w.equals(nb) ? na : w).toList();
  }

  /** Length of the longest common subsequence. */
  static int lcs(List<String> x, List<String> y) {
    int[] row = new int[y.size() + 1];
    for (String xi : x) {
      int diagonal = 0;
      for (int j = 1; j <= y.size(); j++) {
        int above = row[j];
        row[j] = xi.equals(y.get(j - 1)) ? diagonal + 1 : Math.max(row[j], row[j - 1]);
        diagonal = above;
      }
    }
    return row[y.size()];
  }
}
