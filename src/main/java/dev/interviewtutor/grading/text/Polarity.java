package dev.interviewtutor.grading.text;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Negation judged in its scope. "Watch heapUsed climbing without coming back down" negates "coming
 * back down", not the advice; "entirely or not at all" negates nothing a key point says; "never
 * block the event loop" agrees with "do not block the event loop". So two texts disagree only when
 * a word they share is negated in one and not in the other, where a negation word reaches the next
 * few content words of its own clause; and not when both deny the same thing with a different reach
 * ("prevents reassigning a variable at runtime", "stops a variable from being reassigned").
 */
public final class Polarity {
  /** Content words a negation reaches, up to the end of its clause. */
  static final int SCOPE = 4;

  /**
   * Content words "instead of" and "rather than" reach: the thing set aside, not the verb after.
   */
  static final int SET_ASIDE = 1;

  private static final Pattern TOKEN =
      Pattern.compile("[\\p{L}\\p{N}_]+(?:['’][\\p{L}]+)?|[,.;:!?()\"“”]|≠|!=");
  private static final Set<String> CUES =
      Set.of(
          "not",
          "no",
          "never",
          "nothing",
          "none",
          "neither",
          "nor",
          "without",
          "cannot",
          "forbid",
          "forbids",
          "forbidden",
          "forbidding",
          "prevent",
          "prevents",
          "avoid",
          "avoids",
          "avoided",
          "avoiding",
          "disallow",
          "disallows",
          "refuse",
          "refuses",
          "instead",
          "rather",
          "≠",
          "!=",
          "nobody",
          "nowhere");

  /** Words that end a negation's reach: the next clause has its own polarity. */
  private static final Set<String> BOUNDARIES =
      Set.of(
          ",", ".", ";", ":", "!", "?", "(", ")", "\"", "“", "”", "but", "and", "or", "while",
          "whereas", "because", "so", "then", "which", "that", "if", "when", "unless", "until");

  private Polarity() {}

  /**
   * A sentence that opens by forbidding or warning: "Never ...", "Don't ...", "Avoid ...", "You
   * shouldn't ...".
   */
  private static final Pattern PROHIBITION =
      Pattern.compile(
          "^\\W*(?:(?:so|and|but|also|just|please|then|honestly|basically|generally|always)\\W+)*"
              + "(?:never|don['’]?t|do not|avoid|stop|(?:you|we|one|they)\\s+(?:should|must|shall|can)(?:n['’]?t|\\s+not|not)"
              + "|(?:what\\s+)?(?:you|we)\\s+(?:never|don['’]?t|do not)\\s+(?:want|need)|it['’]?s\\s+(?:a\\s+)?(?:bad|terrible|dangerous)"
              + "\\s+idea\\s+to)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * Whether the sentence forbids or warns against something. Such a sentence endorses nothing it
   * names: "Never put public on /api/me, because the CDN would serve it to everyone" does not say
   * it is fine to rely on the CDN.
   */
  public static boolean prohibits(String sentence) {
    return PROHIBITION.matcher(sentence).find();
  }

  /** A clause inside a sentence that starts by forbidding: "pick X, and never a timestamp". */
  private static final Pattern INNER_PROHIBITION =
      Pattern.compile(
          "(?i)[,;:—–]\\s*(?:(?:and|but|or|so|just)\\s+)?(?:never|don['’]?t|do not|avoid)\\b");

  /**
   * Whether the sentence, or a clause of it, forbids or warns against something ("Pick a
   * high-cardinality key, and never a timestamp, because ..."): it advises, and denies no fact
   * about the thing it warns against.
   */
  public static boolean warnsAgainst(String sentence) {
    return prohibits(sentence) || INNER_PROHIBITION.matcher(sentence).find();
  }

  /** Whether some content word that both texts use is negated in exactly one of them. */
  public static boolean conflict(String a, String b) {
    return conflict(a, b, Lexicon::stem);
  }

  /**
   * Whether some content term that both texts use is negated in exactly one of them, with words
   * read as {@code term} maps them: with a lexicon's {@link Lexicon#term}, "forbids keeping a copy"
   * and "can store it" share "store".
   */
  public static boolean conflict(String a, String b, Function<String, String> term) {
    Set<String> allA = contentStems(a, term);
    Set<String> allB = contentStems(b, term);
    Set<String> shared = new LinkedHashSet<>(allA);
    shared.retainAll(allB);
    if (shared.isEmpty()) {
      return false;
    }
    Set<String> negA = negatedStems(a, term);
    Set<String> negB = negatedStems(b, term);
    for (String s : shared) {
      boolean onlyA = negA.contains(s) && !negB.contains(s);
      if (!onlyA && !(negB.contains(s) && !negA.contains(s))) {
        continue;
      }
      // a word a text says plainly and also inside a negation about something else: "it sits on
      // the client side ..., so the server never has to track the clients" denies tracking, and
      // says nothing against a text about the client side that never mentions tracking
      String negating = onlyA ? a : b;
      if (plainStems(negating, term).contains(s)
          && !headSaid(negating, s, onlyA ? allB : allA, term)) {
        continue;
      }
      if (!sameNegation(negating, s, onlyA ? negB : negA, shared, term)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A conflict that says one text is the opposite of the other: some shared word is negated in one
   * of them by a negation whose first word (what it denies) the other text says too. "Inbound
   * connections need port forwarding, and you shouldn't treat NAT as a firewall" denies treating
   * NAT as a firewall, not that inbound connections through NAT need port forwarding. Stricter than
   * {@link #conflict}, which also keeps a mistake from being read into a clause, where reading too
   * much negation would be the error.
   */
  public static boolean opposite(String a, String b, Function<String, String> term) {
    Set<String> allA = contentStems(a, term);
    Set<String> allB = contentStems(b, term);
    Set<String> shared = new LinkedHashSet<>(allA);
    shared.retainAll(allB);
    Set<String> negA = negatedStems(a, term);
    Set<String> negB = negatedStems(b, term);
    for (String s : shared) {
      if (negA.contains(s) && !negB.contains(s) && headSaid(a, s, allB, term)
          || negB.contains(s) && !negA.contains(s) && headSaid(b, s, allA, term)) {
        return conflict(a, b, term);
      }
    }
    return false;
  }

  /**
   * Whether some negation of {@code text} that reaches {@code word} is about a word the other text
   * says too: the first word it reaches, what it denies.
   */
  private static boolean headSaid(
      String text, String word, Set<String> otherWords, Function<String, String> term) {
    for (Set<String> scope : scopes(text, term)) {
      if (scope.contains(word) && otherWords.contains(scope.iterator().next())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the negation that reaches {@code word} in {@code text} also reaches a shared word the
   * other text negates: then both deny the same thing and only guess its reach differently ("const
   * prevents reassigning a variable at runtime" and "it stops a variable from being reassigned, at
   * runtime" both deny the reassigning; the first one's reach merely runs on to "runtime").
   */
  private static boolean sameNegation(
      String text,
      String word,
      Set<String> otherNegated,
      Set<String> shared,
      Function<String, String> term) {
    for (Set<String> scope : scopes(text, term)) {
      if (scope.contains(word)
          && scope.stream().anyMatch(w -> shared.contains(w) && otherNegated.contains(w))) {
        return true;
      }
    }
    return false;
  }

  /** Whether the text negates anything at all in its own words. */
  public static boolean negatesSomething(String text) {
    return !negatedStems(text).isEmpty();
  }

  /** Stems of content words, negation words excluded. */
  public static Set<String> contentStems(String text) {
    return contentStems(text, Lexicon::stem);
  }

  private static Set<String> contentStems(String text, Function<String, String> term) {
    Set<String> out = new LinkedHashSet<>();
    for (String t : tokens(text)) {
      if (isWord(t) && !Lexicon.isStopword(t) && !isCue(t)) {
        out.add(term.apply(t));
      }
    }
    return out;
  }

  /** Stems reached by an odd number of negations. */
  public static Set<String> negatedStems(String text) {
    return negatedStems(text, Lexicon::stem);
  }

  private static Set<String> negatedStems(String text, Function<String, String> term) {
    Set<String> odd = new HashSet<>();
    for (Set<String> scope : scopes(text, term)) {
      for (String stem : scope) {
        if (!odd.remove(stem)) {
          odd.add(stem);
        }
      }
    }
    return odd;
  }

  /** The words each negation of the text reaches, one set per negation word. */
  private static List<Set<String>> scopes(String text, Function<String, String> term) {
    List<String> tokens = tokens(text);
    List<Set<String>> out = new java.util.ArrayList<>();
    for (List<Integer> reach : reaches(tokens)) {
      Set<String> scope = new LinkedHashSet<>();
      for (int j : reach) {
        if (!scope.remove(term.apply(tokens.get(j)))) {
          scope.add(term.apply(tokens.get(j)));
        }
      }
      out.add(scope);
    }
    return out;
  }

  /** Stems of the content words the text says outside every negation. */
  private static Set<String> plainStems(String text, Function<String, String> term) {
    List<String> tokens = tokens(text);
    Set<Integer> reached = new HashSet<>();
    reaches(tokens).forEach(reached::addAll);
    Set<String> out = new HashSet<>();
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      if (!reached.contains(i) && isWord(t) && !Lexicon.isStopword(t) && !isCue(t)) {
        out.add(term.apply(t));
      }
    }
    return out;
  }

  /** The positions of the content words each negation of the token list reaches. */
  private static List<List<Integer>> reaches(List<String> tokens) {
    List<List<Integer>> out = new java.util.ArrayList<>();
    boolean quoted = false;
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      // a quoted phrase is named, not asserted: 'a return type for "there might be no result"'
      // denies nothing
      if (t.equals("\"") || t.equals("“") || t.equals("”")) {
        quoted = t.equals("“") || !t.equals("”") && !quoted;
        continue;
      }
      if (quoted) {
        continue;
      }
      int from = isCue(t) && negates(tokens, i) ? i : keptFrom(tokens, i);
      if (from < 0) {
        from = tooTo(tokens, i);
      }
      if (from < 0) {
        continue;
      }
      List<Integer> reach = new java.util.ArrayList<>();
      if (isCue(t) && endsClause(tokens, i)) {
        // "a query on b alone basically can't": the negated verb is left out, and the clause
        // before it is what is denied
        for (int j = i - 1; j >= 0 && reach.size() < SCOPE; j--) {
          String w = tokens.get(j);
          if (BOUNDARIES.contains(w) || isCue(w)) {
            break;
          }
          if (isWord(w) && !Lexicon.isStopword(w)) {
            reach.add(j);
          }
        }
        out.add(reach);
        continue;
      }
      for (int j = from + 1; j < tokens.size() && reach.size() < SCOPE; j++) {
        String w = tokens.get(j);
        // a comparison is a clause of its own: "stops the sender from sending more than the
        // receiver can buffer" denies the sending, not the buffering ("rather than" is the cue)
        if (w.equals(",") && !reach.isEmpty() && !t.equals("instead") && !t.equals("rather")) {
          // "you can't do new T(), instanceof List<String>, or overloads": a list the negation
          // runs over
          List<Integer> items = listAfter(tokens, j);
          if (!items.isEmpty()) {
            reach.addAll(items);
            break;
          }
        }
        if (BOUNDARIES.contains(w) || isCue(w) || w.equals("than") && j != from + 1) {
          break;
        }
        // a new predicate after what was negated: "objects you don't need anymore are still
        // referenced" denies the needing, not the referencing
        if (!reach.isEmpty() && COPULAS.contains(w)) {
          break;
        }
        // "using UUIDs instead of numeric ids fixes IDOR" sets the ids aside, not the fixing
        if (reach.size() >= SET_ASIDE && (t.equals("instead") || t.equals("rather"))) {
          break;
        }
        if (isWord(w) && !Lexicon.isStopword(w)) {
          reach.add(j);
        }
      }
      out.add(reach);
    }
    return out;
  }

  /** Words a list item may hold at most (content words). */
  private static final int LIST_ITEM = 3;

  /**
   * The content words of a list that runs on from the comma at {@code comma} to the end of its
   * clause (", B, or C" after "can't A"): every item short, the last one opened by "or", "nor" or
   * "and". Empty when what follows is no such list.
   */
  private static List<Integer> listAfter(List<String> tokens, int comma) {
    List<Integer> words = new java.util.ArrayList<>();
    int inItem = 0;
    boolean lastOpened = false;
    boolean itemStart = true;
    for (int j = comma + 1; j < tokens.size(); j++) {
      String w = tokens.get(j);
      if (w.equals(",")) {
        if (inItem == 0) {
          return List.of();
        }
        inItem = 0;
        itemStart = true;
        lastOpened = false;
        continue;
      }
      if (CLAUSE_END.contains(w)) {
        break;
      }
      if (itemStart && (w.equals("or") || w.equals("nor") || w.equals("and"))) {
        lastOpened = true;
        itemStart = false;
        continue;
      }
      itemStart = false;
      if (BOUNDARIES.contains(w) || isCue(w)) {
        break; // a new clause starts inside the last item: the list ends there
      }
      if (isWord(w) && !Lexicon.isStopword(w)) {
        if (++inItem > LIST_ITEM) {
          return List.of();
        }
        words.add(j);
      }
    }
    return lastOpened && inItem > 0 ? words : List.of();
  }

  private static final Set<String> CLAUSE_END = Set.of(".", ";", ":", "!", "?");

  /**
   * "instead" and "rather" negate only what they set aside ("instead of X", "rather than X"): "an
   * annotation instead widens the type" says that it widens.
   */
  private static boolean negates(List<String> tokens, int cue) {
    String t = tokens.get(cue);
    String next = cue + 1 < tokens.size() ? tokens.get(cue + 1) : "";
    return switch (t) {
      case "instead" -> next.equals("of");
      case "rather" -> next.equals("than");
      default -> true;
    };
  }

  /**
   * Whether the negation word ends its clause: only adverbs, if anything, and then punctuation or a
   * joint ("... basically can't.", "... but b doesn't, so ...").
   */
  private static boolean endsClause(List<String> tokens, int cue) {
    if (!tokens.get(cue).endsWith("n't") && !tokens.get(cue).equals("cannot")) {
      return false;
    }
    for (int j = cue + 1; j < tokens.size(); j++) {
      String w = tokens.get(j);
      if (BOUNDARIES.contains(w)) {
        return true;
      }
      if (!w.endsWith("ly") && !w.equals("too") && !w.equals("either")) {
        return false;
      }
    }
    return true;
  }

  /** Verbs that start a new predicate: a negation before them does not reach past them. */
  private static final Set<String> COPULAS = Set.of("is", "are", "was", "were");

  /** Who "stop" may stop from doing something ("stops you reassigning"). */
  private static final Set<String> PERSONS =
      Set.of("you", "us", "them", "him", "her", "people", "anyone", "someone", "developers");

  /** "stop" and "keep" deny what follows their "from": "stops a variable from being reassigned". */
  private static final Set<String> KEEP_FROM =
      Set.of("stop", "stops", "stopped", "stopping", "keep", "keeps", "kept", "keeping");

  /**
   * Where "stops X from" or "keeps X from" says "from" (its negation reaches what follows), or -1:
   * "stops accepting new tasks" and "keeps a copy" deny nothing.
   */
  private static int keptFrom(List<String> tokens, int at) {
    if (!KEEP_FROM.contains(tokens.get(at))) {
      return -1;
    }
    // "stops you reassigning it": "stop" with a person and what they may not do
    if (tokens.get(at).startsWith("stop")
        && at + 2 < tokens.size()
        && PERSONS.contains(tokens.get(at + 1))
        && tokens.get(at + 2).endsWith("ing")) {
      return at + 1;
    }
    for (int j = at + 1; j < tokens.size() && j <= at + 5; j++) {
      String w = tokens.get(j);
      if (w.equals("from")) {
        return j;
      }
      // "stops a property or array from": what is kept may be a list of things
      if (!isWord(w) || BOUNDARIES.contains(w) && !w.equals("or") && !w.equals("and") || isCue(w)) {
        return -1;
      }
    }
    return -1;
  }

  /**
   * Where "too X to" says "to" (its negation reaches what follows), or -1: "too big to go through
   * the holes" says it cannot go through them, as "cannot go through the filter" does.
   */
  private static int tooTo(List<String> tokens, int at) {
    if (!tokens.get(at).equals("too")) {
      return -1;
    }
    for (int j = at + 2; j < tokens.size() && j <= at + 3; j++) {
      String w = tokens.get(j);
      if (w.equals("to")) {
        return j;
      }
      if (!isWord(w) || BOUNDARIES.contains(w) || isCue(w)) {
        return -1;
      }
    }
    return -1;
  }

  static boolean isCue(String t) {
    return CUES.contains(t) || t.endsWith("n't");
  }

  static boolean isWord(String t) {
    return Character.isLetterOrDigit(t.charAt(0));
  }

  static List<String> tokens(String text) {
    List<String> out = new java.util.ArrayList<>();
    // "no-cache", "no-store" are names, not negations
    Matcher m =
        TOKEN.matcher(
            Lexicon.CALL_ARGUMENTS
                .matcher(text.toLowerCase(Locale.ROOT))
                .replaceAll("")
                .replace('’', '\'')
                .replaceAll("\\bno-(?=\\p{L})", "no_")
                // "re-run" is not "run"
                .replaceAll("\\bre-(?=\\p{L})", "re_")
                // 'there might be no result' is quoted as "there might be no result" is
                .replaceAll("(?<=^|[\\s(])'(?=\\p{L})", "“")
                .replaceAll("(?<=[\\p{L}\\p{N}])'(?=[\\s,.;:!?)]|$)", "”"));
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  /** "X, not Y", "X but not Y", "X rather than Y", "X instead of Y": a correction in passing. */
  private static final Pattern IN_PASSING =
      Pattern.compile("(?i)(?:,|\\bbut)\\s+not\\b|\\brather\\s+than\\b|\\binstead\\s+of\\b");

  /** Whether the sentence sets something aside in passing ("subclasses of X but not Y"). */
  public static boolean correctsInPassing(String sentence) {
    return IN_PASSING.matcher(sentence).find();
  }

  /**
   * A sentence that opens by labelling what follows as wrong ("Common misuses: ...", "Pitfalls:
   * ..."): each thing it lists is named to be avoided, not recommended.
   */
  private static final Pattern LISTED_AS_WRONG =
      Pattern.compile(
          "(?i)^\\W*(?:the\\s+)?(?:(?:most\\s+)?common\\s+|typical\\s+|classic\\s+)?(?:mis-?uses|mistakes|pitfalls"
              + "|anti-?patterns|traps|gotchas|things\\s+(?:to\\s+avoid|not\\s+to\\s+do)|don['’]?ts)\\s*:");

  /**
   * A sentence that reports a claim as false ("It's not true that ...", "A big misconception is
   * that ...", "Contrary to popular belief, ...", "it's not really that ..."): what it goes on to
   * say is the belief it rejects, not one it holds.
   */
  private static final Pattern REPORTED_AS_WRONG =
      Pattern.compile(
          "(?i)\\b(?:(?:it|that)['’]?s\\s+not\\s+(?:really\\s+|just\\s+|simply\\s+|actually\\s+|quite\\s+)?(?:true\\s+)?that"
              + "|(?:it|that)\\s+is\\s+not\\s+(?:really\\s+|just\\s+|simply\\s+|actually\\s+)?(?:true\\s+)?that"
              + "|(?:it|that)\\s+(?:isn['’]?t|is\\s+not)\\s+(?:the\\s+case|true)\\s+that"
              + "|(?:it['’]?s|it\\s+is)\\s+(?:a\\s+)?(?:common\\s+|popular\\s+|widespread\\s+)?(?:myth|misconception|mistake|wrong|false)\\s+(?:to\\s+think\\s+)?that"
              + "|(?:a|the|one|another)\\s+(?:big\\s+|common\\s+|popular\\s+|classic\\s+|widespread\\s+|frequent\\s+)*"
              + "(?:misconception|myth|misunderstanding|mistake)\\s+(?:here\\s+)?is\\s+"
              + "(?:that|thinking|believing|assuming|to\\s+(?:think|believe|assume))\\b"
              + "|contrary\\s+to\\s+(?:popular\\s+belief|what\\s+(?:people|many|most))"
              + "|\\b(?:isn['’]?t|is\\s+not|wasn['’]?t)\\s+(?:really\\s+|just\\s+|simply\\s+)?that\\b"
              + "|\\b(?:people|many|some|folks|devs|developers|beginners)\\s+(?:often\\s+|sometimes\\s+|usually\\s+)?"
              + "(?:think|assume|believe)\\b)");

  /**
   * Verbs that deny what follows them without a negation word: "IPv6 drops broadcast" says it has
   * no broadcast. Not read as negations (the reach of "removes" is not always a denial), but a
   * clause with one cannot be trusted to say the opposite of a negated point.
   */
  private static final Pattern PRIVATIVE =
      Pattern.compile(
          "(?i)\\b(?:drops?|dropped|dropping|removes?|removed|removing|lacks?|lacked|lacking|omits?"
              + "|omitted|eliminates?|eliminated|strips?|stripped|gets?\\s+rid\\s+of|got\\s+rid\\s+of"
              + "|does\\s+away\\s+with|did\\s+away\\s+with|abandons?|abandoned|in\\s+favou?r\\s+of"
              + "|elsewhere|somewhere\\s+else|move[sd]?\\s+(?:out|in)to\\s+(?:their|its)\\s+own)\\b");

  /**
   * A clause that opens with a negated condition: "Without strictNullChecks, null is assignable to
   * every type", "If you don't set a key, ...", "Without them a server can hang a thread".
   */
  private static final Pattern NEGATED_CONDITION =
      Pattern.compile(
          "(?i)^\\W*(?:(?:so|and|but|also)\\s+)?(?:without\\b|(?:if|when|unless|once)\\b[^,;]*?\\b(?:not|no|never|without|\\w+n['’]t)\\b)[^,;]*,"
              // "Without them a server can hang ...": a pronoun is the whole condition
              + "|(?i)^\\W*without\\s+(?:it|them|this|that|these|those|one)\\s+(?!(?:is|are|was|were)\\b)");

  /**
   * Whether the clause opens with a negated condition: what it says holds in the other case, and a
   * point about the first case is not its opposite.
   */
  public static boolean deniesACondition(String clause) {
    return NEGATED_CONDITION.matcher(clause).find();
  }

  /** Whether the text denies something with a verb instead of a negation word (see above). */
  public static boolean privative(String text) {
    return PRIVATIVE.matcher(text).find();
  }

  /**
   * Whether the sentence opens with a label that lists what follows as wrong, or reports what it
   * says as a false belief (see above).
   */
  public static boolean listsAsWrong(String sentence) {
    return LISTED_AS_WRONG.matcher(sentence).find() || REPORTED_AS_WRONG.matcher(sentence).find();
  }
}
