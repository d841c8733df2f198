package dev.interviewtutor.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Small text rules used to turn a question's prose into rubric entries: plain text from inline
 * Markdown, sentence and clause splitting, and the wrong belief behind a negated statement.
 */
final class RubricText {
  private RubricText() {}

  private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\([^)]*\\)");
  private static final Pattern MARKERS = Pattern.compile("^(❌|✅|✔️?|✗|⚠️?|👉|💡)\\s*");
  private static final Pattern SENTENCE_END =
      Pattern.compile("(?<=[.!?])\\s+(?=[\\p{Lu}\\d`\"'(])");
  private static final Pattern NOT_EQUAL = Pattern.compile("^(.+?)\\s*(?:≠|!=)\\s*(.+)$");
  private static final Pattern CONTRAST = Pattern.compile("^(.*\\S),\\s+(?:and\\s+)?not\\s+(.+)$");

  /**
   * "X per partition and never across the whole topic", "X inside the function, not outside it":
   * where (or when) something holds, set against where it does not.
   */
  private static final String PLACE_WORDS =
      "in|on|at|per|across|within|inside|outside|over|under|between|before|after|during";

  private static final Pattern PLACE_CONTRAST =
      Pattern.compile(
          "(?i)^(.*\\S)(?:,?\\s+(?:and|but)\\s+|,\\s+)(?:not|never)\\s+((?:"
              + PLACE_WORDS
              + ")\\s+.+)$");

  private static final Pattern LAST_PLACE =
      Pattern.compile("(?i)^(.*\\S)\\s+(?:" + PLACE_WORDS + ")\\s+[^,;:]+$");

  /** The last clause of a sentence, without the word that joins it: ", because X" → "X". */
  private static String lastClause(String s) {
    int comma = Math.max(s.lastIndexOf(", "), s.lastIndexOf("; "));
    String last = comma < 0 ? s : s.substring(comma + 2);
    return last.replaceFirst("(?i)^(?:because|since|as|so|and|but|which means)\\s+", "").strip();
  }

  /**
   * The claim with its place phrase replaced by the one it is set against: "Kafka orders records
   * per partition" + "across the whole topic" → "Kafka orders records across the whole topic"; null
   * when the claim has no place phrase or too little is left before it.
   */
  private static String inPlaceOf(String claim, String otherPlace) {
    Matcher m = LAST_PLACE.matcher(claim);
    if (!m.matches() || words(m.group(1)) < MIN_KEPT_WORDS) {
      return null;
    }
    return m.group(1) + " " + otherPlace.replaceAll("[.!]+$", "");
  }

  private static final Pattern PREPOSITION =
      Pattern.compile("^(.*?)\\s+(?:using|with|by|through|via)\\s+.*$");
  private static final Pattern PLURAL_PER = Pattern.compile("^(\\w+?[^s\\W])s\\s+per\\s+(.+)$");
  private static final Pattern IMPERATIVE_NEGATION =
      Pattern.compile("^(?:don'?t|do not|never)\\s+(.+)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern AVOID = Pattern.compile("^avoid\\s+(.+)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern TRAILING_REASON =
      Pattern.compile("^(.*?\\S)\\s*\\(([^()]+)\\)\\s*\\.?$");
  private static final Pattern DASH_REASON = Pattern.compile("^(.*?\\S)\\s+(?:—|–|--|-)\\s+(.+)$");
  private static final Set<String> DETERMINERS =
      Set.of(
          "a", "an", "the", "some", "any", "all", "every", "no", "more", "less", "always", "never",
          "only", "just", "very", "too", "each", "its", "their", "your");
  private static final Pattern ADJECTIVE_ENDING =
      Pattern.compile(".*(y|ive|ful|ous|able|ible|al|ic|ed|less|ing|ent|ant|est)$");

  /**
   * Inline Markdown removed: bold, emphasis markers, code backticks, links; a leading ❌/✅ marker
   * dropped.
   */
  static String plain(String markdown) {
    String text = LINK.matcher(markdown).replaceAll("$1");
    text = text.replace("**", "").replace("__", "").replace("`", "");
    text = MARKERS.matcher(text.strip()).replaceFirst("");
    return text.replaceAll("\\s+", " ").strip();
  }

  static boolean startsWithCross(String text) {
    return text.strip().startsWith("❌") || text.strip().startsWith("✗");
  }

  /**
   * Sentences of a paragraph; abbreviations like "Node.js" stay whole because a split needs a
   * following space.
   */
  static List<String> sentences(String paragraph) {
    List<String> out = new ArrayList<>();
    String open = "";
    for (String part : SENTENCE_END.split(paragraph.strip())) {
      String s = (open.isEmpty() ? "" : open + " ") + part.strip();
      // a quotation ("I've finished. Please review.") is one statement with what frames it
      if (insideQuotation(s)) {
        open = s;
        continue;
      }
      open = "";
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    if (!open.isEmpty()) {
      out.add(open);
    }
    return out;
  }

  private static boolean insideQuotation(String text) {
    long straight = text.chars().filter(c -> c == '"').count();
    long opening = text.chars().filter(c -> c == '“').count();
    long closing = text.chars().filter(c -> c == '”').count();
    return straight % 2 == 1 || opening > closing;
  }

  /**
   * Clauses of a sentence for reference answers: split at ';', ':' and ", and/but/while/which/so",
   * min 3 words.
   */
  static List<String> clauses(String sentence) {
    String[] parts =
        sentence.split("\\s*;\\s*|:\\s+|,\\s+(?=(?:and|but|while|whereas|which|so|because)\\s)");
    List<String> out = new ArrayList<>();
    for (String part : parts) {
      String clause = part.strip().replaceAll("^(?:and|but|while|whereas|so)\\s+", "");
      if (clause.isEmpty()) {
        continue;
      }
      if (words(clause) < 3 && !out.isEmpty()) {
        out.set(out.size() - 1, out.get(out.size() - 1) + ", " + clause);
      } else {
        out.add(clause);
      }
    }
    return out;
  }

  static int words(String text) {
    String s = text.strip();
    return s.isEmpty() ? 0 : s.split("\\s+").length;
  }

  private static final Pattern LEAD_IN_END = Pattern.compile("\\s*(?::|\\s[-–—])\\s*$");
  private static final Pattern LETTER_WORD = Pattern.compile("\\S*\\p{L}\\S*");

  /**
   * What a line of notes states, or empty when it states nothing: a label or lead-in that only
   * introduces what follows ("It includes:", "Why this fails:", "My observation -") and a question
   * asked in passing ("How does it work?") are not facts to check. A long lead-in keeps its words
   * ("It keeps the repository small by ignoring files that").
   */
  static String withoutLeadIn(String text) {
    String t = text.strip();
    if (t.endsWith("?")) {
      return "";
    }
    Matcher end = LEAD_IN_END.matcher(t);
    if (!end.find()) {
      return t;
    }
    String body = t.substring(0, end.start()).strip();
    return letterWords(body) < LEAD_IN_MIN_WORDS ? "" : body;
  }

  private static final int LEAD_IN_MIN_WORDS = 6;

  /**
   * A list item that names what its sub-list says ("Break down big components:") keeps its words
   * without the colon; one that is only a label ("Setup:", "Instead:") states nothing.
   */
  static String withoutItemLabelColon(String item) {
    String t = item.strip();
    Matcher end = LEAD_IN_END.matcher(t);
    if (!end.find()) {
      return t;
    }
    String body = t.substring(0, end.start()).strip();
    return letterWords(body) < 2 ? "" : body;
  }

  private static final int MIN_STATEMENT_WORDS = 5;

  /**
   * The statements of one list item: a bullet written as a paragraph ("X is A. It does B. In
   * contrast, Y ...") gives one statement per sentence, so that each can be checked on its own; a
   * bullet whose pieces would be fragments ("(e.g. Home.tsx, layout)") stays whole.
   */
  static List<String> statementsOfItem(String item) {
    List<String> pieces = sentences(item);
    if (pieces.size() < 2) {
      return List.of(item);
    }
    for (String piece : pieces) {
      if (letterWords(piece) < MIN_STATEMENT_WORDS || !balanced(piece)) {
        return List.of(item);
      }
    }
    return pieces;
  }

  private static boolean balanced(String text) {
    long open = text.chars().filter(c -> c == '(').count();
    long close = text.chars().filter(c -> c == ')').count();
    return open == close;
  }

  private static int letterWords(String text) {
    Matcher words = LETTER_WORD.matcher(text);
    int count = 0;
    while (words.find()) {
      count++;
    }
    return count;
  }

  static String withoutFinalStop(String text) {
    return text.strip().replaceAll("[.!]+$", "").strip();
  }

  /** A statement as a learner would say it: "X ≠ Y" becomes "X is not Y"; other text unchanged. */
  static String positiveForm(String statement) {
    String s = withoutFinalStop(plain(statement));
    Matcher ne = NOT_EQUAL.matcher(s);
    if (ne.matches()) {
      String[] adverbAndRest = adverb(ne.group(2));
      return capitalise(ne.group(1).strip())
          + " is not "
          + adverbAndRest[0]
          + withArticle(adverbAndRest[1]);
    }
    return s;
  }

  /**
   * The wrong belief behind a negated statement, as a positive statement, if the statement is
   * negated: "X ≠ Y" → "X is Y"; "A scales horizontally, not vertically" → "A scales vertically";
   * "X is not allowed" → "X is allowed"; "Never block the loop" → "It is fine to block the loop";
   * "Avoid blocking code" → "Blocking code is fine".
   */
  static Optional<String> wrongBelief(String statement) {
    String s = withoutFinalStop(plain(statement));
    if (s.isEmpty()) {
      return Optional.empty();
    }
    Matcher ne = NOT_EQUAL.matcher(s);
    if (ne.matches()) {
      String[] adverbAndRest = adverb(ne.group(2));
      return Optional.of(
          capitalise(ne.group(1).strip())
              + " is "
              + adverbAndRest[0]
              + withArticle(adverbAndRest[1]));
    }
    Matcher where = PLACE_CONTRAST.matcher(s);
    if (where.matches()) {
      String belief = inPlaceOf(lastClause(where.group(1)), where.group(2).strip());
      if (belief != null) {
        return Optional.of(capitalise(belief));
      }
    }
    Matcher contrast = CONTRAST.matcher(s);
    if (contrast.matches()
        && !contrast.group(1).matches(".*[,;:].*")
        && !contrast.group(2).matches(".*[,;:].*")) {
      String swapped = replaceContrast(contrast.group(1), contrast.group(2).strip());
      return swapped == null ? Optional.empty() : Optional.of(capitalise(swapped));
    }
    Matcher imperative = IMPERATIVE_NEGATION.matcher(s);
    if (imperative.matches()) {
      return Optional.of("It is fine to " + lowerFirst(imperative.group(1)));
    }
    Matcher avoid = AVOID.matcher(s);
    if (avoid.matches()) {
      return Optional.of(capitalise(avoid.group(1)) + " is fine");
    }
    String cut = s.replaceAll("(?i),?\\s+but\\s+.*$", "");
    if (!isSimpleNegation(cut)) {
      return Optional.empty();
    }
    String positive =
        cut.replaceAll(
                "(?i)\\b(is|are|was|were|does|do|did|should|must|will|would|could|has|have)\\s+not\\b(?!\\s+only)",
                "$1")
            .replaceAll(
                "(?i)\\b(is|are|was|were|does|do|did|should|must|would|could|has|have)n't\\b", "$1")
            .replaceAll("(?i)\\bwon't\\b", "will")
            .replaceAll("(?i)\\b(cannot|can't|can not)\\b", "can")
            .replaceAll("(?i)\\bnever\\s+", "");
    if (!positive.equals(cut)) {
      return Optional.of(capitalise(positive.replaceAll("\\s+", " ").strip()));
    }
    return Optional.empty();
  }

  private static final Pattern NEGATION_WORD =
      Pattern.compile("(?i)\\b(not|n't|cannot|never)\\b|n't\\b");
  private static final Pattern SUBORDINATE =
      Pattern.compile(
          "(?i)\\b(that|which|who|whom|whose|when|whenever|until|unless|if|because|so|while|where|whether|than)\\b");

  /**
   * Only a plain claim is turned around: one clause (no comma, semicolon or colon), and no
   * "that/which/when/if..." before the negation, so "timers that are never cleared" or "when a
   * stream cannot keep up" stay as they are.
   */
  private static boolean isSimpleNegation(String sentence) {
    if (sentence.matches(".*[,;:].*")) {
      return false;
    }
    Matcher negation = NEGATION_WORD.matcher(sentence);
    if (!negation.find()) {
      return false;
    }
    return !SUBORDINATE.matcher(sentence.substring(0, negation.start())).find();
  }

  /**
   * "I/O operations (Node already handles this well)" → ["I/O operations", "Node already handles
   * this well"].
   */
  static String[] itemAndReason(String line) {
    String s = withoutFinalStop(plain(line));
    Matcher paren = TRAILING_REASON.matcher(s);
    if (paren.matches()) {
      return new String[] {paren.group(1).strip(), paren.group(2).strip()};
    }
    Matcher dash = DASH_REASON.matcher(s);
    if (dash.matches()) {
      return new String[] {dash.group(1).strip(), dash.group(2).strip()};
    }
    return new String[] {s, ""};
  }

  /**
   * What a question is about, from its title: "When Would You Use Worker Threads?" → "worker
   * threads".
   */
  static String subject(String title) {
    String t = plain(title).replaceAll("[?.!]+$", "").strip();
    Matcher use =
        Pattern.compile(
                "(?i)^(?:when|why|how)\\s+(?:would|should|do|does|can|could|to)\\s+"
                    + "(?:you\\s+|we\\s+|one\\s+|i\\s+)?(?:use|choose|pick|prefer)\\s+(.+)$")
            .matcher(t);
    Matcher what =
        Pattern.compile("(?i)^(?:what|who)\\s+(?:is|are)\\s+(?:an?\\s+|the\\s+)?(.+?)$").matcher(t);
    String subject = use.matches() ? use.group(1) : what.matches() ? what.group(1) : t;
    StringBuilder out = new StringBuilder();
    for (String word : subject.split("\\s+")) {
      if (out.length() > 0) {
        out.append(' ');
      }
      boolean titleCase =
          word.length() > 1
              && Character.isUpperCase(word.charAt(0))
              && word.substring(1).chars().allMatch(Character::isLowerCase);
      out.append(titleCase ? word.toLowerCase(Locale.ROOT) : word);
    }
    return out.toString();
  }

  static String capitalise(String text) {
    if (text.isEmpty() || !Character.isLowerCase(text.charAt(0))) {
      return text;
    }
    String first = text.split("\\s", 2)[0];
    if (!first.chars().allMatch(c -> Character.isLowerCase(c) || c == '-' || c == '\'')) {
      return text; // an identifier such as setTimeout(...) or npm keeps its case
    }
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  /**
   * Lower-cases the first letter unless the word looks like an acronym or a name ("GC-managed",
   * "Node.js").
   */
  static String lowerFirst(String text) {
    if (text.length() < 2
        || !Character.isUpperCase(text.charAt(0))
        || !Character.isLowerCase(text.charAt(1))) {
      return text;
    }
    String first = text.split("[\\s]", 2)[0];
    // a name keeps its case: "StackOverflowError", "JavaScript", "Node.js"
    if (first.contains(".") || first.substring(1).chars().anyMatch(Character::isUpperCase)) {
      return text;
    }
    return Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }

  private static final int MAX_SWAPPED_WORDS = 2;
  private static final int MIN_KEPT_WORDS = 2;
  private static final Pattern COPULA = Pattern.compile("(?i)is|are|was|were|be");
  private static final Pattern COORDINATOR = Pattern.compile("(?i)or|and|nor");

  private static String replaceContrast(String left, String alternative) {
    String alt = alternative.replaceAll("[.!]+$", "").strip();
    String[] leftWords = left.strip().split("\\s+");
    int altWords = words(alt);
    if (altWords == 1 && leftWords.length > 1) {
      // "Atomic means all or nothing, not fast": the alternative takes the place of the whole
      // pair ("Atomic means fast"), not of its last word
      int cut = leftWords.length - 1;
      if (cut >= 3 && COORDINATOR.matcher(leftWords[cut - 1]).matches()) {
        cut -= 2;
      }
      return String.join(" ", java.util.Arrays.copyOf(leftWords, cut)) + " " + alt;
    }
    String[] altSplit = alt.split("\\s+");
    if (altSplit.length >= 3) {
      // "Partitions cap how many consumers of one group can work in parallel, not how many groups
      // can read the topic": the alternative repeats the words its counterpart opens with, and
      // takes its place from there ("Partitions cap how many groups can read the topic")
      for (int i = 1; i + 1 < leftWords.length; i++) {
        if (leftWords[i].equalsIgnoreCase(altSplit[0])
            && leftWords[i + 1].equalsIgnoreCase(altSplit[1])) {
          return String.join(" ", java.util.Arrays.copyOf(leftWords, i)) + " " + alt;
        }
      }
    }
    Matcher prep = PREPOSITION.matcher(left);
    if (prep.matches() && !prep.group(1).isBlank()) {
      Matcher per = PLURAL_PER.matcher(alt);
      String object = per.matches() ? "a " + per.group(1) + " per " + per.group(2) : alt;
      return prep.group(1).strip() + " with " + object;
    }
    if (altWords > MAX_SWAPPED_WORDS && SUBORDINATE.matcher(left).find()) {
      // "only the code that a route needs is loaded, not the entire app upfront": across a
      // subordinate clause, swapping the last four words makes nonsense; no wrong belief is better
      // than a garbled one
      return null;
    }
    if (leftWords.length > altWords) {
      int cut = leftWords.length - altWords;
      if (COPULA.matcher(leftWords[cut]).matches()
          && !COPULA.matcher(alt.split("\\s+")[0]).matches()) {
        cut++; // "X is an awareness document, not a complete standard" → "X is a complete standard"
      }
      if (cut < MIN_KEPT_WORDS) {
        return null; // "Only rows ..., not the whole table": too little is left to say who does
        // what
      }
      if (SUBORDINATE.matcher(leftWords[cut - 1]).matches()) {
        return null; // "Only the thread that called fork(), not the others" → not "... that the
        // others"
      }
      return String.join(" ", java.util.Arrays.copyOf(leftWords, cut)) + " " + alt;
    }
    return alt;
  }

  /** Splits a trailing/leading "always" off: "CPU heavy always" → ["always ", "CPU heavy"]. */
  private static String[] adverb(String text) {
    String t = text.strip();
    for (String adverb : List.of("always", "necessarily", "only")) {
      if (t.toLowerCase(Locale.ROOT).endsWith(" " + adverb)) {
        return new String[] {adverb + " ", t.substring(0, t.length() - adverb.length()).strip()};
      }
      if (t.toLowerCase(Locale.ROOT).startsWith(adverb + " ")) {
        return new String[] {adverb + " ", t.substring(adverb.length()).strip()};
      }
    }
    return new String[] {"", t};
  }

  /**
   * "memory leak" → "a memory leak"; leaves plurals, adjectives, names and determined phrases
   * alone.
   */
  static String withArticle(String phrase) {
    String p = phrase.strip();
    if (p.isEmpty() || !Character.isLowerCase(p.charAt(0))) {
      return p;
    }
    String[] words = p.split("\\s+");
    if (DETERMINERS.contains(words[0].toLowerCase(Locale.ROOT))) {
      return p;
    }
    String last = words[words.length - 1].toLowerCase(Locale.ROOT).replaceAll("\\W+$", "");
    if (words.length == 1 || last.endsWith("s") || ADJECTIVE_ENDING.matcher(last).matches()) {
      return p;
    }
    return ("aeiou".indexOf(p.charAt(0)) >= 0 ? "an " : "a ") + p;
  }
}
