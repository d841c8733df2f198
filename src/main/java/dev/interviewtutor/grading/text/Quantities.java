package dev.interviewtutor.grading.text;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much and in which order two texts say something happens, where the sentence model cannot tell
 * them apart: "only one" against "several", O(log n) against O(1), "A runs before B" against "B
 * runs before A", and a belief's "again" or "every" left unsaid. Used to keep a clause from being
 * read as a wrong belief it only shares words with; {@link Polarity} does the same for negation.
 */
public final class Quantities {
  private Quantities() {}

  private static final Pattern ONLY_ONE =
      Pattern.compile(
          "(?i)\\b(?:(?:only|just|exactly)\\s+(?:\\w+\\s+){0,2}?(?:one|once|a\\s+single)|one and only one|single"
              + "|one(?=\\s+(?!of\\b|another\\b|or\\b|by\\b|more\\b|and\\b|to\\b)[a-z]))\\b");

  private static final Pattern MORE_THAN_ONE =
      Pattern.compile(
          "(?i)\\b(?:several|multiple|many|more than one|any number of|two or more|as many"
              + "|two|three|four|five|twice|again|repeatedly)\\b");

  /**
   * Whether one text says "only one" where the other says "several": "a class can extend only one"
   * does not state "a class can extend several abstract classes", however alike the rest.
   */
  public static boolean quantityConflict(String a, String b) {
    return orderConflict(a, b)
        || complexityConflict(a, b)
        || ONLY_ONE.matcher(a).find() && MORE_THAN_ONE.matcher(b).find()
        || MORE_THAN_ONE.matcher(a).find() && ONLY_ONE.matcher(b).find()
        || onlyAgainstEvery(a, b)
        || onlyAgainstEvery(b, a);
  }

  /**
   * Whether {@code a} limits something with "only" that {@code b} says of every case: "it copies
   * only the top level" against "it copies all levels". The two words must be about the same thing:
   * "IDs kept only in memory" says nothing against "a round trip for every message". An "only" with
   * no noun of its own after it ("only one", "only once") limits whatever the other text counts.
   */
  private static boolean onlyAgainstEvery(String a, String b) {
    if (!ONLY.matcher(a).find() || !EVERY.matcher(b).find() || ONLY.matcher(b).find()) {
      return false;
    }
    List<Set<String>> limited = scopes(a, ONLY, 3);
    List<Set<String>> every = scopes(b, EVERY, 2);
    for (Set<String> l : limited) {
      for (Set<String> e : every) {
        if (l.isEmpty() || e.isEmpty() || !java.util.Collections.disjoint(l, e)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Per match of {@code word}: the stems of the next {@code n} content words in its clause. */
  private static List<Set<String>> scopes(String text, Pattern word, int n) {
    List<Set<String>> out = new java.util.ArrayList<>();
    Matcher m = word.matcher(text);
    while (m.find()) {
      Set<String> scope = new HashSet<>();
      for (String t : Polarity.tokens(text.substring(m.end()))) {
        if (ORDER_BOUNDARIES.contains(t) || scope.size() >= n) {
          break;
        }
        addContent(scope, t);
      }
      out.add(scope);
    }
    return out;
  }

  /**
   * Whether the two texts put the same two things in opposite order: "a promise callback runs
   * before a timeout" against "a timeout runs before promise callbacks" ("after" read the other way
   * round). The sentence model barely tells the two orders apart; the words on each side do.
   */
  static boolean orderConflict(String a, String b) {
    for (Set<String>[] x : orders(a)) {
      for (Set<String>[] y : orders(b)) {
        // a word said on the other side in each direction, at least one of them on that side alone
        // ("copy the manifest, install first and copy the source last" against "copy before
        // installing": "copy" is on both sides of the first)
        if (onlyCrosswise(x[0], y[1], x[1], y[0]) && crosswise(x[1], y[0])
            || crosswise(x[0], y[1]) && onlyCrosswise(x[1], y[0], x[0], y[1])) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether a word is said on side a of one text and side b of the other. */
  private static boolean crosswise(Set<String> a, Set<String> b) {
    return !java.util.Collections.disjoint(a, b);
  }

  /** Whether a word is said on side a of one text and side b of the other, and on no other side. */
  private static boolean onlyCrosswise(
      Set<String> a, Set<String> b, Set<String> notA, Set<String> notB) {
    for (String w : a) {
      if (b.contains(w) && !notA.contains(w) && !notB.contains(w)) {
        return true;
      }
    }
    return false;
  }

  private static final Pattern BIG_O = Pattern.compile("\\bO\\(\\s*([^()]{1,20}?)\\s*\\)");

  /** Whether both texts give a cost in O( ) notation and no cost of one is a cost of the other. */
  static boolean complexityConflict(String a, String b) {
    Set<String> ca = costs(a);
    Set<String> cb = costs(b);
    return !ca.isEmpty() && !cb.isEmpty() && java.util.Collections.disjoint(ca, cb);
  }

  private static Set<String> costs(String text) {
    Set<String> out = new HashSet<>();
    Matcher m = BIG_O.matcher(text);
    while (m.find()) {
      out.add(m.group(1).replaceAll("\\s+", "").toLowerCase(Locale.ROOT));
    }
    return out;
  }

  /** Per "before"/"after" in the text: the stems said earlier in order, and those said later. */
  @SuppressWarnings("unchecked")
  private static List<Set<String>[]> orders(String text) {
    // a call's arguments are not a clause: "setTimeout(fn, 0) runs before ..."
    // (nor is the dot of ".then" or "process.nextTick" the end of a sentence)
    // ... nor a dot standing alone ("COPY . . before installing")
    List<String> tokens =
        Polarity.tokens(
            Lexicon.CALL_ARGUMENTS
                .matcher(text)
                .replaceAll("")
                .replaceAll("\\.(?=\\w)", " ")
                .replaceAll("(?<=\\s|^)\\.(?=\\s)", " "));
    List<Set<String>[]> out = new java.util.ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      if (!t.equals("before") && !t.equals("after")) {
        continue;
      }
      Set<String> left = new HashSet<>();
      for (int j = i - 1; j >= 0 && !ORDER_BOUNDARIES.contains(tokens.get(j)); j--) {
        addContent(left, tokens.get(j));
      }
      Set<String> right = new HashSet<>();
      for (int j = i + 1; j < tokens.size() && !ORDER_BOUNDARIES.contains(tokens.get(j)); j++) {
        addContent(right, tokens.get(j));
      }
      out.add(t.equals("before") ? new Set[] {left, right} : new Set[] {right, left});
    }
    // "install the dependencies first and copy the source code last": what comes first, then what
    // comes last
    for (int i = 0; i < tokens.size(); i++) {
      if (!tokens.get(i).equals("first")) {
        continue;
      }
      int last = -1;
      for (int j = i + 1; j < tokens.size() && !SENTENCE_END.contains(tokens.get(j)); j++) {
        if (LAST.contains(tokens.get(j))) {
          last = j;
          break;
        }
      }
      if (last < 0) {
        continue;
      }
      Set<String> earlier = new HashSet<>();
      for (int j = i - 1; j >= 0 && !ORDER_BOUNDARIES.contains(tokens.get(j)); j--) {
        addContent(earlier, tokens.get(j));
      }
      Set<String> later = new HashSet<>();
      for (int j = i + 1; j < last; j++) {
        addContent(later, tokens.get(j));
      }
      out.add(new Set[] {earlier, later});
    }
    return out;
  }

  private static final Set<String> SENTENCE_END = Set.of(".", ";", "!", "?");

  private static final Set<String> LAST = Set.of("last", "end", "later", "afterwards");

  private static final Set<String> ORDER_BOUNDARIES = Set.of(".", ";", ":", "!", "?", ",");

  private static void addContent(Set<String> out, String token) {
    String t = token.replaceAll("'s$", ""); // "a promise's callback" is about the promise
    if (Polarity.isWord(t) && !Lexicon.isStopword(t) && !Polarity.isCue(t)) {
      out.add(Lexicon.stem(t));
    }
  }

  /** Words that make a claim hold in every case ("... or any response" only extends a list). */
  private static final Pattern UNIVERSAL =
      Pattern.compile(
          "(?i)\\b(?:each|every|everything|everywhere|all|anything|always|whenever)\\b"
              + "|(?<!\\bor\\s)(?<!\\band\\s)\\bany\\b");

  /**
   * Whether {@code belief} claims something of every case ("Lookups are always O(1)", "Promise.all
   * waits for every promise") and {@code text} does not say so. Weaker than {@link
   * #repetitionUnsaid}: "prefer X, it's faster" does state "X is the faster choice for every
   * effect", so a caller asks this only of a text that is not close to the belief anyway.
   */
  public static boolean universalUnsaid(String text, String belief) {
    return UNIVERSAL.matcher(belief).find() && !UNIVERSAL.matcher(text).find();
  }

  /** Words that make a claim happen over and over. */
  private static final Pattern REPEATED =
      Pattern.compile("(?i)\\b(?:again|whenever|every\\s+time|each\\s+time|re-\\w+)\\b");

  /**
   * Whether {@code belief} claims something happens again and again ("Each import of a module runs
   * it again") and {@code text} does not say so: without that, the text only shares the belief's
   * topic words ("imports are resolved before any code runs").
   */
  public static boolean repetitionUnsaid(String text, String belief) {
    return REPEATED.matcher(belief).find() && !REPEATED.matcher(text).find();
  }

  private static final Pattern ONLY = Pattern.compile("(?i)\\bonly\\b");

  private static final Pattern EVERY = Pattern.compile("(?i)\\b(?:every|all|each)\\b");
}
