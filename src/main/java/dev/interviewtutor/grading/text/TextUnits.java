package dev.interviewtutor.grading.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits prose into sentences and clauses, keeping each piece verbatim so that it can be quoted
 * back.
 */
public final class TextUnits {
  /** A clause of an answer and the sentence it came from (quoted as evidence). */
  public record Unit(String text, String sentence, int sentenceIndex) {}

  private static final Set<String> ABBREVIATIONS =
      Set.of("e.g", "i.e", "etc", "vs", "eg", "ie", "cf", "mr", "dr", "approx", "fig");
  private static final Pattern BULLET =
      Pattern.compile("^\\s*(?:[-*•▪◦]|\\d{1,2}[.)]|[a-z][.)])\\s+");
  private static final Pattern CLAUSE_BREAK =
      Pattern.compile(
          ";|,?\\s+but\\s+|,\\s*whereas\\s+|,\\s*while\\s+|\\s+instead of\\s+|,?\\s+rather than\\s+|,\\s*(?=not\\s)|\\s+so that\\s+|,\\s*so\\s+|,\\s*(?:and\\s+)?because\\s+|\\s+because\\s+|,\\s*(?:and\\s+)?since\\s+|,\\s*which\\s+"
              // "..., that is why you could pick up three": the reason and what follows from it
              + "|,?\\s+(?:that|this)(?:['’]s|\\s+is)\\s+(?:why|how)\\s+",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern NEGATION =
      Pattern.compile(
          "\\b(?:not|no|never|none|nothing|neither|nor|without|cannot|can't|cant|don't|dont|doesn't|doesnt|isn't|isnt|aren't|arent|won't|wont|shouldn't|shouldnt|mustn't|didn't|wasn't|weren't|avoid|avoids|avoided|instead of|rather than|unnecessary|bad idea|wrong|false|myth)\\b|≠|!=",
          Pattern.CASE_INSENSITIVE);

  private TextUnits() {}

  /**
   * Sentences: line breaks, bullets and sentence punctuation end them; "e.g." and
   * "process.memoryUsage()" do not.
   */
  public static List<String> sentences(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    boolean inFence = false;
    StringBuilder fence = new StringBuilder();
    for (String rawLine : text.split("\\R")) {
      String line = rawLine;
      if (line.strip().startsWith("```")) {
        if (inFence) {
          addIfContent(out, fence.toString());
          fence.setLength(0);
        }
        inFence = !inFence;
        continue;
      }
      if (inFence) {
        fence.append(line).append('\n');
        continue;
      }
      Matcher b = BULLET.matcher(line);
      if (b.find()) {
        line = line.substring(b.end());
      }
      splitLine(line, out);
    }
    addIfContent(out, fence.toString());
    return out;
  }

  private static void splitLine(String line, List<String> out) {
    int start = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '.' || c == '!' || c == '?' || c == '。') {
        int end = i + 1;
        while (end < line.length() && ".!?\"')]".indexOf(line.charAt(end)) >= 0) {
          end++;
        }
        boolean atEnd = end >= line.length();
        boolean spaceAfter = !atEnd && Character.isWhitespace(line.charAt(end));
        if (!(atEnd || spaceAfter)) {
          continue; // "process.memoryUsage()", "3.5", "Node.js"
        }
        if (c == '.' && isAbbreviation(line, i)) {
          continue;
        }
        addIfContent(out, line.substring(start, end));
        start = end;
        i = end - 1;
      }
    }
    addIfContent(out, line.substring(Math.min(start, line.length())));
  }

  private static boolean isAbbreviation(String line, int dot) {
    int s = dot;
    while (s > 0 && (Character.isLetter(line.charAt(s - 1)) || line.charAt(s - 1) == '.')) {
      s--;
    }
    String word = line.substring(s, dot).toLowerCase(Locale.ROOT);
    return ABBREVIATIONS.contains(word);
  }

  private static void addIfContent(List<String> out, String s) {
    String t = s.strip();
    if (!t.isEmpty()) {
      out.add(t);
    }
  }

  /**
   * Clauses of the sentences: split at ";", "but", "whereas", "instead of", ", not" and similar
   * joints.
   */
  public static List<Unit> units(String text) {
    List<Unit> out = new ArrayList<>();
    List<String> sentences = sentences(text);
    for (int i = 0; i < sentences.size(); i++) {
      String sentence = sentences.get(i);
      List<String> clauses = clauses(sentence);
      for (String clause : clauses) {
        out.add(new Unit(clause, sentence, i));
      }
    }
    return out;
  }

  /**
   * The clauses of one sentence (the sentence itself when it has no joint, or a joint leaves a
   * fragment).
   */
  public static List<String> clauses(String sentence) {
    List<String> parts = new ArrayList<>();
    Matcher m = CLAUSE_BREAK.matcher(sentence);
    int start = 0;
    while (m.find()) {
      String keyword = m.group().strip().toLowerCase(Locale.ROOT).replace(",", "").strip();
      parts.add(sentence.substring(start, m.start()));
      // keep a negating joint with the clause it negates
      start = keyword.startsWith("instead") || keyword.startsWith("rather") ? m.start() : m.end();
    }
    parts.add(sentence.substring(start));
    List<String> clean = new ArrayList<>();
    for (String p : parts) {
      String t = p.strip();
      if (Lexicon.tokens(t).size() >= 2) {
        clean.add(t);
      } else if (!t.isEmpty() && !clean.isEmpty()) {
        clean.set(clean.size() - 1, clean.get(clean.size() - 1) + " " + t);
      }
    }
    return clean.isEmpty() ? List.of(sentence.strip()) : clean;
  }

  private static final Pattern LIST_JOINT =
      Pattern.compile(
          ",\\s*(?:and\\s+|or\\s+)?|\\s+(?:and|or|and/or)\\s+|\\s+(?:such as|like|e\\.g\\.|for example|including)\\s+|:\\s+|\\s*/\\s*|\\s*\\(|\\)\\s*",
          Pattern.CASE_INSENSITIVE);

  /**
   * The list items inside a clause ("for CPU work such as resizing images, generating PDFs or
   * encryption" → "resizing images", "generating PDFs", "encryption"), so that short key points can
   * match one item. Empty when the clause is not a list.
   */
  public static List<String> fragments(String clause) {
    return pieces(
        clause, LIST_JOINT, "[.!?;]+$", tokens -> contentWords(tokens) >= 1 && tokens.size() <= 8);
  }

  private static final Pattern CLAUSE_JOINT =
      Pattern.compile(
          ",\\s*(?:(?:and|or|then|and then)\\s+)?|;\\s*|\\s+(?:and then|and also|and)\\s+(?!(?:so|then)\\b)",
          Pattern.CASE_INSENSITIVE);

  /**
   * The clause fragments of a long run-on clause, split at commas, ";" and "and" ("run identical
   * boxes behind nginx, keep the app stateless and push slow jobs onto a queue" → three fragments),
   * so that each point an answer makes in passing can be matched on its own. Fragments need two
   * content words; empty when fewer than two remain.
   */
  public static List<String> clauseFragments(String clause) {
    return pieces(clause, CLAUSE_JOINT, "[.!?;:]+$", tokens -> contentWords(tokens) >= 2);
  }

  /**
   * The parts of {@code clause} between {@code joint}s, trailing punctuation removed, that {@code
   * keep} accepts (by their tokens) and that are not the whole clause; empty unless at least two
   * remain.
   */
  private static List<String> pieces(
      String clause, Pattern joint, String trailing, Predicate<List<String>> keep) {
    String[] parts = joint.split(clause);
    if (parts.length < 2) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String p : parts) {
      String t = p.strip().replaceAll(trailing, "");
      if (keep.test(Lexicon.tokens(t)) && !t.equalsIgnoreCase(clause.strip())) {
        out.add(t);
      }
    }
    return out.size() >= 2 ? out : List.of();
  }

  private static long contentWords(List<String> tokens) {
    return tokens.stream().filter(x -> !Lexicon.isStopword(x)).count();
  }

  /** A purpose or consequence given after what is done: "..., so the page loads instantly". */
  private static final Pattern PURPOSE_TAIL =
      Pattern.compile(
          "(?i)[,;]?\\s+(?:so that|so|to make sure|to ensure|in order to|that way|which means)\\s.*$");

  /**
   * A purpose given first: "To make sure every user gets their own copy, ...", "To keep it quick
   * I'd ...".
   */
  private static final Pattern PURPOSE_HEAD =
      Pattern.compile(
          "(?i)^(?:in order to|so that|to\\s+\\p{L}+)\\b(?:[^,]*,\\s*|.*?\\s(?=(?:i|we|you)(?:'d|'ll|’d|’ll|\\s+would|\\s+will)\\s))");

  /** Who does it: "I'd", "we always", "you just". */
  private static final Pattern ACTOR =
      Pattern.compile(
          "(?i)^(?:i|we|you)(?:'d|'ll|’d|’ll|\\s+would|\\s+will|\\s+just|\\s+always|\\s+usually|\\s+simply)*\\s+");

  /**
   * What a clause says is done, without why or who: "To make sure every user gets their own copy,
   * I'd add the Cookie header to the cache key so nothing leaks" → "add the Cookie header to the
   * cache key". A practice is the same practice whatever reason is given for it. The clause itself
   * when nothing is cut or fewer than three words would be left.
   */
  public static String actionCore(String clause) {
    String core = PURPOSE_HEAD.matcher(clause.strip()).replaceFirst("");
    core = PURPOSE_TAIL.matcher(core).replaceFirst("");
    core = ACTOR.matcher(core).replaceFirst("").strip();
    return Lexicon.tokens(core).size() >= 3 ? core : clause.strip();
  }

  /**
   * Whether the text negates or rejects what it says ("not", "never", "avoid", "≠", "instead of").
   */
  public static boolean negated(String text) {
    return NEGATION.matcher(text).find();
  }
}
