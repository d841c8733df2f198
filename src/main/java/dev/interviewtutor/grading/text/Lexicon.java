package dev.interviewtutor.grading.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word-level evidence: tokens, stopwords, a light suffix stemmer and synonym folding. Stems are
 * folded onto one canonical stem per synonym group so that "several processes" and "multiple
 * instances" share terms.
 */
public final class Lexicon {
  /**
   * A call's parentheses right after a name ("iter()", "setTimeout(fn, 0)"): code, not clause
   * punctuation.
   */
  public static final Pattern CALL_ARGUMENTS = Pattern.compile("(?<=\\w)\\([^()]*\\)");

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+(?:['’][\\p{L}]+)?");

  // declared before the thesaurus below: building it stems words
  /**
   * Stems by word: every clause and word of every answer is stemmed, mostly the same few thousand
   * words.
   */
  private static final Map<String, String> STEMS = new java.util.concurrent.ConcurrentHashMap<>();

  /** Articles, pronouns, auxiliaries and the commonest prepositions: they state nothing. */
  public static final Set<String> GRAMMAR_WORDS =
      Set.of(
          "a", "an", "the", "it", "its", "they", "them", "their", "this", "that", "these", "those",
          "is", "are", "was", "were", "be", "been", "do", "does", "did", "can", "will", "would",
          "of", "to", "in", "on", "for", "with", "by", "at", "from", "and", "or", "so", "how",
          "what", "why", "when", "which", "you", "your", "i", "we");

  /**
   * Function words: they carry no content for coverage, and their share tells prose from keyword
   * lists.
   */
  public static final Set<String> STOPWORDS =
      Set.of(
          "a",
          "about",
          "above",
          "after",
          "again",
          "against",
          "all",
          "also",
          "am",
          "an",
          "and",
          "any",
          "are",
          "as",
          "at",
          "be",
          "because",
          "been",
          "before",
          "being",
          "below",
          "between",
          "both",
          "but",
          "by",
          "can",
          "could",
          "did",
          "do",
          "does",
          "doing",
          "down",
          "during",
          "each",
          "either",
          "else",
          "etc",
          "even",
          "ever",
          "every",
          "few",
          "for",
          "from",
          "further",
          "get",
          "gets",
          "got",
          "had",
          "has",
          "have",
          "having",
          "he",
          "her",
          "here",
          "hers",
          "him",
          "his",
          "how",
          "however",
          "i",
          "if",
          "in",
          "into",
          "is",
          "it",
          "its",
          "itself",
          "just",
          "let",
          "like",
          "may",
          "me",
          "might",
          "more",
          "most",
          "much",
          "must",
          "my",
          "neither",
          "nor",
          "now",
          "of",
          "off",
          "on",
          "once",
          "one",
          "only",
          "or",
          "other",
          "our",
          "ours",
          "out",
          "over",
          "own",
          "per",
          "rather",
          "same",
          "she",
          "should",
          "so",
          "some",
          "such",
          "than",
          "that",
          "the",
          "their",
          "theirs",
          "them",
          "then",
          "there",
          "these",
          "they",
          "this",
          "those",
          "through",
          "thus",
          "to",
          "too",
          "under",
          "until",
          "up",
          "upon",
          "us",
          "very",
          "via",
          "was",
          "we",
          "were",
          "what",
          "when",
          "where",
          "whether",
          "which",
          "while",
          "who",
          "whom",
          "whose",
          "why",
          "will",
          "with",
          "within",
          "without",
          "would",
          "you",
          "your",
          "yours",
          "yourself",
          "s",
          "t",
          "d",
          "ll",
          "re",
          "ve",
          "m",
          "e",
          "g",
          "ie",
          "eg",
          "i.e",
          "e.g",
          "thing",
          "things",
          "way",
          "ways",
          "use",
          "used",
          "uses",
          "using",
          "make",
          "makes",
          "made",
          "really",
          "basically",
          "actually",
          "well",
          "need",
          "needs",
          "called",
          "known",
          "many",
          "lot",
          "lots",
          "still",
          "yet",
          "since",
          "though",
          "although",
          "unless",
          "whereas",
          "therefore",
          "hence",
          "instead",
          "not",
          "no",
          "never",
          "don't",
          "doesn't",
          "isn't",
          "aren't",
          "can't",
          "cannot",
          "won't",
          "shouldn't",
          "didn't",
          "wasn't");

  /**
   * A small built-in thesaurus for software interview answers; each line is one group, first word
   * canonical. Bank synonyms are added per rubric on top of these.
   */
  private static final List<List<String>> BUILT_IN =
      List.of(
          List.of("multiple", "several", "many", "numerous", "various"),
          List.of("process", "instance", "replica", "copy"),
          List.of("cpu", "processor", "core", "compute"),
          List.of("fast", "quick", "rapid", "speedy"),
          List.of("slow", "sluggish"),
          List.of("large", "big", "huge", "bigger", "larger"),
          List.of("small", "little", "tiny"),
          List.of("remove", "delete", "clear", "detach", "unregister", "unsubscribe"),
          List.of("free", "release", "reclaim", "deallocate"),
          List.of("memory", "ram"),
          List.of("app", "application", "program", "service"),
          List.of("request", "call"),
          List.of("parallel", "concurrent", "simultaneous"),
          List.of("automatic", "automatically", "auto"),
          List.of("store", "save", "keep", "hold", "retain"),
          List.of("error", "exception", "failure", "fault"),
          List.of("function", "method", "procedure", "routine", "subroutine"),
          List.of("variable", "var"),
          List.of("create", "spawn", "start", "launch", "fork"),
          List.of("split", "divide", "partition", "distribute", "spread"),
          List.of("server", "machine", "box", "host"),
          List.of("queue", "buffer"),
          List.of("block", "stall", "freeze"),
          List.of("monitor", "watch", "track", "observe", "measure"),
          List.of("grow", "increase", "rise", "climb"),
          List.of("reduce", "decrease", "lower", "shrink"),
          List.of("begin", "start"),
          List.of("end", "finish", "stop", "terminate"),
          List.of("find", "locate", "search", "detect", "identify"),
          List.of("show", "display", "print", "output"),
          List.of("run", "execute"),
          List.of("horizontal", "horizontally", "out"),
          List.of("vertical", "vertically"),
          List.of("db", "database"),
          List.of("js", "javascript"),
          List.of(
              "crypto",
              "cryptography",
              "encryption",
              "encrypt",
              "decrypt",
              "decryption",
              "hashing"),
          List.of("gc", "garbage"),
          List.of("correct", "right", "accurate"),
          List.of("wrong", "incorrect", "false"),
          List.of("producer", "source", "writer", "sender", "upstream"),
          List.of("consumer", "destination", "reader", "receiver", "sink", "downstream"));

  private static final Map<String, String> BUILT_IN_CANON = canonMap(BUILT_IN);

  /**
   * Names that stand for a concept a key point states in general words: an answer saying "behind
   * nginx" states "load balancer" even though no word is shared. Each line: the concept first, then
   * the phrases that name it.
   */
  private static final List<List<String>> BUILT_IN_PHRASES =
      List.of(
          List.of(
              "load balancer",
              "nginx",
              "haproxy",
              "reverse proxy",
              "elb",
              "alb",
              "traefik",
              "envoy"),
          List.of(
              "horizontal scaling",
              "scale out",
              "scaling out",
              "scales out",
              "more servers",
              "more machines",
              "more instances",
              "more boxes",
              "identical boxes",
              "identical servers",
              "identical instances",
              "identical machines",
              "many servers",
              "multiple servers",
              "several servers",
              "many instances",
              "multiple instances",
              "several instances",
              "many machines",
              "multiple machines",
              "several machines"),
          List.of("queue", "rabbitmq", "kafka", "bullmq", "sqs", "message broker"),
          List.of("cache", "redis", "memcached", "cdn"));

  private static final List<Phrase> BUILT_IN_PHRASE_RULES = phraseRules(BUILT_IN_PHRASES);

  /**
   * One way to name a concept, as a sequence of stems: "nginx" or "load balancer" for the concept
   * "load balancer". A text containing the sequence names the concept, and also has the concept's
   * own terms.
   */
  private record Phrase(List<String> stems, String concept, List<String> conceptTokens) {}

  private final Map<String, String> canon;
  private final List<Phrase> phrases;

  private Lexicon(Map<String, String> canon, List<Phrase> phrases) {
    this.canon = canon;
    this.phrases = phrases;
  }

  /** The built-in synonyms only. */
  public static Lexicon builtIn() {
    return BUILT_IN_LEXICON;
  }

  private static final Lexicon BUILT_IN_LEXICON =
      new Lexicon(BUILT_IN_CANON, BUILT_IN_PHRASE_RULES);

  private static List<Phrase> phraseRules(List<List<String>> groups) {
    List<Phrase> out = new ArrayList<>();
    for (List<String> group : groups) {
      String concept = String.join(" ", tokens(group.get(0)));
      List<String> conceptTokens = tokens(group.get(0));
      for (String member : group) {
        List<String> stems = stems(tokens(member));
        if (!stems.isEmpty() && !concept.isEmpty()) {
          out.add(new Phrase(stems, concept, conceptTokens));
        }
      }
    }
    return List.copyOf(out);
  }

  private static List<String> stems(List<String> tokens) {
    List<String> out = new ArrayList<>(tokens.size());
    for (String t : tokens) {
      out.add(stem(t));
    }
    return out;
  }

  /**
   * The concepts a text names, directly or by one of their alternatives: "behind nginx" names "load
   * balancer", and so does "load balancing". Concepts are the first entries of the built-in phrase
   * groups and the terms of the bank's Synonyms section.
   */
  public Set<String> concepts(String text) {
    Set<String> out = new LinkedHashSet<>();
    List<String> stems = stems(tokens(text));
    for (Phrase p : phrases) {
      if (Collections.indexOfSubList(stems, p.stems()) >= 0) {
        out.add(p.concept());
      }
    }
    return out;
  }

  /**
   * The concepts a short statement is about: those it names, when their names make up at least half
   * of its content words ("A load balancer in front of the instances" is about "load balancer";
   * "Minor GC collects the young generation often" is about more than "gc"). A "Label: " prefix is
   * not counted. Empty for longer claims.
   */
  public Set<String> headConcepts(String text) {
    String body = text.matches("^[^:]{1,40}:\\s.*") ? text.substring(text.indexOf(':') + 1) : text;
    List<String> stems = stems(tokens(body));
    boolean[] named = new boolean[stems.size()];
    Set<String> concepts = new LinkedHashSet<>();
    for (Phrase p : phrases) {
      for (int i = 0; i + p.stems().size() <= stems.size(); i++) {
        if (stems.subList(i, i + p.stems().size()).equals(p.stems())) {
          concepts.add(p.concept());
          for (int k = i; k < i + p.stems().size(); k++) {
            named[k] = true;
          }
        }
      }
    }
    int content = 0;
    int namedContent = 0;
    List<String> tokens = tokens(body);
    for (int i = 0; i < tokens.size(); i++) {
      if (!isStopword(tokens.get(i))) {
        content++;
        namedContent += named[i] ? 1 : 0;
      }
    }
    return content > 0 && content <= 6 && 2 * namedContent >= content ? concepts : Set.of();
  }

  /**
   * Built-in synonyms plus bank synonyms (term -> alternatives); multi-word alternatives fold word
   * by word.
   */
  public static Lexicon withSynonyms(Map<String, List<String>> synonyms) {
    if (synonyms.isEmpty()) {
      return builtIn();
    }
    List<List<String>> groups = new ArrayList<>(BUILT_IN);
    List<List<String>> phraseGroups = new ArrayList<>(BUILT_IN_PHRASES);
    synonyms.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> {
              List<String> group = new ArrayList<>();
              group.add(e.getKey());
              group.addAll(e.getValue());
              phraseGroups.add(group);
              // only single-word alternatives can be folded token by token
              List<String> single = group.stream().filter(w -> tokens(w).size() == 1).toList();
              if (single.size() > 1) {
                groups.add(single);
              }
            });
    return new Lexicon(canonMap(groups), phraseRules(phraseGroups));
  }

  private static Map<String, String> canonMap(List<List<String>> groups) {
    Map<String, String> map = new HashMap<>();
    for (List<String> group : groups) {
      String first = stem(group.get(0).toLowerCase(Locale.ROOT));
      String target = map.getOrDefault(first, first);
      for (String w : group) {
        map.putIfAbsent(stem(w.toLowerCase(Locale.ROOT)), target);
      }
    }
    return Map.copyOf(map);
  }

  /** Lower-case word tokens in order (letters, digits, underscore, and contractions like don't). */
  public static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT).replace('’', '\''));
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  public static boolean isStopword(String token) {
    return STOPWORDS.contains(token);
  }

  /**
   * Content terms: tokens minus stopwords, stemmed and folded onto synonyms, in first-seen order.
   */
  public Set<String> terms(String text) {
    Set<String> out = new LinkedHashSet<>();
    List<String> tokens = tokens(text);
    addTerms(tokens, out);
    List<String> stems = stems(tokens);
    for (Phrase p : phrases) {
      if (Collections.indexOfSubList(stems, p.stems()) >= 0) {
        addTerms(p.conceptTokens(), out);
      }
    }
    return out;
  }

  private void addTerms(List<String> tokens, Set<String> out) {
    for (String t : tokens) {
      if (!isStopword(t) && (t.length() > 1 || Character.isDigit(t.charAt(0)))) {
        out.add(term(t));
      }
    }
  }

  /** One token stemmed and folded. */
  public String term(String token) {
    String s = stem(token);
    return canon.getOrDefault(s, s);
  }

  /**
   * A light English suffix stemmer (a few Porter steps): enough to meet "balancer"/"balancing",
   * "processes"/"process", "leaks"/"leaking"; deterministic and never shorter than three letters.
   */
  public static String stem(String word) {
    String cached = STEMS.get(word);
    if (cached != null) {
      return cached;
    }
    String s = computeStem(word);
    if (STEMS.size() > 50_000) {
      STEMS.clear(); // a bound, not an LRU: the working vocabulary refills it quickly
    }
    STEMS.put(word, s);
    return s;
  }

  private static String computeStem(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    if (w.endsWith("'s")) {
      w = w.substring(0, w.length() - 2);
    }
    if (w.length() <= 3 || !w.chars().allMatch(Character::isLetter)) {
      return w;
    }
    String[][] rules = {
      {"izations", "ize"},
      {"ization", "ize"},
      {"ational", "ate"},
      {"ations", "ate"},
      {"ation", "ate"},
      {"nesses", ""},
      {"ness", ""},
      {"ments", ""},
      {"ment", ""},
      {"ingly", ""},
      {"edly", ""},
      {"ings", ""},
      {"ing", ""},
      {"ers", ""},
      {"er", ""},
      {"ied", "y"},
      {"ies", "y"},
      {"ed", ""},
      {"ly", ""},
      {"sses", "ss"},
      {"xes", "x"},
      {"ches", "ch"},
      {"shes", "sh"},
      {"ss", "ss"},
      {"us", "us"},
      {"is", "is"},
      {"s", ""}
    };
    for (String[] r : rules) {
      if (w.endsWith(r[0])) {
        String base = w.substring(0, w.length() - r[0].length()) + r[1];
        if (base.length() >= 3) {
          w = base;
        }
        break;
      }
    }
    if (w.length() > 3 && w.endsWith("e")) {
      w = w.substring(0, w.length() - 1);
    }
    if (w.length() > 3
        && w.charAt(w.length() - 1) == w.charAt(w.length() - 2)
        && "bdgmnprt".indexOf(w.charAt(w.length() - 1)) >= 0) {
      w = w.substring(0, w.length() - 1); // "running" -> "runn" -> "run"
    }
    return w;
  }
}
