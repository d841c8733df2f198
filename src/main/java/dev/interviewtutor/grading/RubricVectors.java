package dev.interviewtutor.grading;

import dev.interviewtutor.grading.text.Lexicon;
import dev.interviewtutor.grading.text.OpeningPronoun;
import dev.interviewtutor.grading.text.Polarity;
import dev.interviewtutor.grading.text.SynonymCanon;
import dev.interviewtutor.grading.text.TextUnits;
import dev.interviewtutor.knowledge.KeyPoint;
import dev.interviewtutor.knowledge.Misconception;
import dev.interviewtutor.knowledge.Rubric;
import dev.interviewtutor.knowledge.SampleAnswer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Everything the grader precomputes for one rubric: embeddings of the question, key points,
 * misconceptions and reference answer, and their content terms. Built once per rubric version and
 * model, then cached.
 */
final class RubricVectors {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(RubricVectors.class);

  /** ", not X" / "rather than X" tails: the key point's claim is the part before them. */
  private static final Pattern NEGATED_TAIL =
      Pattern.compile(
          ",\\s*(?:and\\s+)?not\\s+|\\s+rather\\s+than\\s+|\\s+instead\\s+of\\s+|\\s*≠\\s*",
          Pattern.CASE_INSENSITIVE);

  final Lexicon lexicon;

  /** Reads an answer's bank synonyms as the terms they name (see {@link SynonymCanon}). */
  final SynonymCanon canon;

  /**
   * What the question asks about, for an answer's opening "It ..." (see {@link OpeningPronoun}).
   */
  final String questionSubject;

  /**
   * What the title compares ("Rebase", "Merge"), for an answer's opening "They ..." / "Both ...".
   */
  final List<String> comparedInTitle;

  final float[] question;
  final float[] reference;
  final List<Point> points;
  final List<Wrong> wrongs;
  final Set<String> questionTerms;

  /** The question's word stems as written (see {@link SwapCheck#wordsOf}). */
  final Set<String> questionWords;

  final Set<String> referenceTerms;
  final Set<String> rubricTerms;
  final double totalWeight;
  final int referenceTokens;

  /** The model answer is itself a bare list of terms: then a list is a fitting answer. */
  final boolean referenceIsList;

  /** Stems of the question's words: words an answer repeats from the question are no evidence. */
  final Set<String> questionStems;

  /**
   * The reference answer's content words that are not in the question, and their embeddings (see
   * WordVectors).
   */
  final List<String> referenceWords;

  final float[][] referenceWordVectors;

  /**
   * Whether some key point is short enough ({@value #SHORT_POINT_TOKENS} words) to match a single
   * list item.
   */
  final boolean hasShortPoint;

  /**
   * The sibling concepts the question contrasts, and the embeddings of what the bank says about
   * each.
   */
  final Siblings siblings;

  final float[][] claimVectors;

  /**
   * The question's graded sample answers, each the mean of its clauses' vectors (as an answer is),
   * and their quality (0–1).
   */
  final float[][] sampleVectors;

  final double[] sampleQualities;

  /** Content terms (synonyms folded) of each sibling claim. */
  /** Each sibling claim's content words in order, for word-order checks ({@link SwapCheck}). */
  final List<List<String>> claimWords;

  /** Each sibling claim's word stems as written (see {@link SwapCheck#wordsOf}). */
  final List<Set<String>> claimStems;

  /** Per sibling subject, the word stems of everything the bank says of it. */
  final List<Set<String>> subjectStems;

  /** Word stems that lean to no sibling: the question's and the siblings' names. */
  final Set<String> neutralStems;

  final List<Set<String>> claimTerms;

  /** Per key point: the sibling subject it is about, or -1. */
  final int[] pointSubjects;

  /**
   * Per key point, the first key point that states the same fact (itself when none does): a bank
   * often says one thing in its explanation and again in its key points, and feedback must not call
   * it covered and missed at once.
   */
  final int[] sameFact;

  /** Key points this close state the same fact. */
  static final double SAME_FACT_COS = 0.85;

  /**
   * Key points up to this many words are matched against list items ("fragments") of the answer
   * too.
   */
  static final int SHORT_POINT_TOKENS = 4;

  /**
   * concepts: what a short key point is about ("load balancer"), see {@link Lexicon#headConcepts}.
   */
  record Point(
      KeyPoint keyPoint,
      String claim,
      float[] vector,
      Set<String> terms,
      boolean negated,
      Set<String> concepts) {}

  /**
   * A wrong belief, embedded. {@code subject} is the sibling its text opens with (a belief about
   * no-store is stated only by a clause about no-store), -1 when it opens with none. {@code
   * correction} is the bank's correction of a listed common mistake ("… — the site's name still
   * shows in DNS"), embedded: a clause nearer the correction than the mistake says the right thing;
   * null for beliefs derived from a prohibition, whose "correction" is the prohibition itself.
   */
  record Wrong(
      Misconception misconception,
      float[] vector,
      Set<String> terms,
      Contrast contrast,
      int subject,
      float[] correction) {}

  /**
   * A wrong belief read off an "X, not Y" statement of the bank: the words only the wrong belief
   * has ("diff"), the words only the right statement has ("full snapshot") and the words both share
   * ("commit stores"). Null for misconceptions without such a statement behind them.
   */
  record Contrast(Set<String> wrongOnly, Set<String> rightOnly, Set<String> shared) {
    static Contrast of(Misconception m) {
      if (!("negation".equals(m.origin()) || "tip".equals(m.origin())) || m.reason().isBlank()) {
        return null;
      }
      Set<String> right = Polarity.contentStems(m.reason());
      right.removeAll(Polarity.negatedStems(m.reason()));
      Set<String> wrong = Polarity.contentStems(m.text());
      Set<String> wrongOnly = new java.util.LinkedHashSet<>(wrong);
      wrongOnly.removeAll(right);
      Set<String> rightOnly = new java.util.LinkedHashSet<>(right);
      rightOnly.removeAll(wrong);
      Set<String> shared = new java.util.LinkedHashSet<>(wrong);
      shared.retainAll(right);
      if (wrongOnly.isEmpty() || wrongOnly.size() > 3 || rightOnly.isEmpty()) {
        return null;
      }
      return new Contrast(Set.copyOf(wrongOnly), Set.copyOf(rightOnly), Set.copyOf(shared));
    }

    /**
     * Whether a clause says the wrong side: all its own words, not negated, none of the right
     * side's, and at least half of the words both sides share (all of them, when they share three
     * or fewer).
     */
    boolean statedBy(String clause) {
      Set<String> words = Polarity.contentStems(clause);
      Set<String> negated = Polarity.negatedStems(clause);
      if (!words.containsAll(wrongOnly) || wrongOnly.stream().anyMatch(negated::contains)) {
        return false;
      }
      if (rightOnly.stream().anyMatch(words::contains)) {
        return false;
      }
      // and most of what both sides share: the clause must be about the same thing, said the wrong
      // way; when they share three words or fewer, all of them ("each instance can use the
      // database through its own pool" says nothing of what "the pool caps")
      long said = shared.stream().filter(words::contains).count();
      return shared.size() <= 3 ? said == shared.size() : said * 2 >= shared.size();
    }
  }

  private static final java.util.regex.Pattern CORRECTION_PRONOUN =
      java.util.regex.Pattern.compile("(?i)^(?:they|it)\\s+(?=\\S)");

  private static final java.util.regex.Pattern SUBJECT_END =
      java.util.regex.Pattern.compile(
          "(?i)\\s+(?:is|are|was|were|can|cannot|can't|does|do|doesn't|don't|has|have|will|should"
              + "|must|means|mean)\\b");

  /**
   * A mistake's correction as a statement of its own: an opening "they" or "it" is the mistake's
   * subject ("Signatures are made with the public key — they are made with the private key" reads
   * "Signatures are made with the private key ..."), so that a clause saying the correction is as
   * near it as it is.
   */
  static String correctionRead(Misconception m) {
    java.util.regex.Matcher pronoun = CORRECTION_PRONOUN.matcher(m.reason());
    java.util.regex.Matcher end = SUBJECT_END.matcher(m.text());
    if (!pronoun.find() || !end.find()) {
      return m.reason();
    }
    String subject = m.text().substring(0, end.start()).strip();
    int words = Lexicon.tokens(subject).size();
    return words >= 1 && words <= 6
        ? subject + " " + m.reason().substring(pronoun.end())
        : m.reason();
  }

  /**
   * A bad use (❌) as the practice itself: its parenthesised example or aside ("(`?t=1717000000`)")
   * is left out, so an answer that does the same thing with another example still reads as it.
   */
  static String asCompared(Misconception m) {
    if (!"bad-use".equals(m.origin())) {
      return m.text();
    }
    String bare = m.text().replaceAll("\\s*\\([^()]*\\)", "").strip();
    return Lexicon.tokens(bare).size() >= 3 ? bare : m.text();
  }

  private RubricVectors(Rubric rubric, SentenceEncoder encoder) {
    lexicon = Lexicon.withSynonyms(rubric.synonyms());
    canon =
        SynonymCanon.of(
            rubric.questionSynonyms(),
            statements(rubric),
            rubric.misconceptions().stream().map(Misconception::text).toList());
    questionTerms = lexicon.terms(rubric.question());
    questionWords = SwapCheck.wordsOf(rubric.question());
    questionSubject = OpeningPronoun.subjectOf(rubric.question());
    comparedInTitle = Siblings.titleSubjects(rubric.question());
    List<String> texts = new ArrayList<>();
    texts.add(rubric.question().isBlank() ? rubric.questionId() : rubric.question());
    String referenceText =
        rubric.referenceAnswer().isBlank()
            ? rubric.keyPoints().stream().map(KeyPoint::text).collect(Collectors.joining(". "))
            : rubric.referenceAnswer();
    texts.add(referenceText);
    List<String> claims = new ArrayList<>();
    for (KeyPoint kp : rubric.keyPoints()) {
      String claim = claim(kp.text());
      claims.add(claim);
      texts.add(claim);
    }
    // a wrong belief is read in the rubric's terms, as an answer is ("Kafka keeps one order" and an
    // answer's "Kafka keeps one order" stay alike when "kafka" is read as "message queue")
    for (Misconception m : rubric.misconceptions()) {
      texts.add(canon.canonical(asCompared(m)));
    }
    siblings = Siblings.of(rubric);
    int claimBase = texts.size();
    siblings.claims.forEach(c -> texts.add(Siblings.forComparison(c.text())));
    int correctionBase = texts.size();
    List<Integer> correctionAt = new ArrayList<>();
    for (Misconception m : rubric.misconceptions()) {
      boolean corrected = "common-mistakes".equals(m.origin()) && !m.reason().isBlank();
      correctionAt.add(corrected ? texts.size() : -1);
      if (corrected) {
        texts.add(canon.canonical(correctionRead(m)));
      }
    }
    // a sample is read as an answer is: the mean of its clauses' vectors
    int sampleBase = texts.size();
    List<Integer> sampleUnits = new ArrayList<>();
    for (SampleAnswer sample : rubric.samples()) {
      List<String> units =
          OfflineGrader.unitsOf(this, sample.text()).stream().map(TextUnits.Unit::text).toList();
      texts.addAll(units.isEmpty() ? List.of(sample.text()) : units);
      sampleUnits.add(Math.max(1, units.size()));
    }
    float[][] v = encoder.embed(texts);
    sampleVectors = new float[sampleUnits.size()][];
    for (int i = 0, at = sampleBase; i < sampleUnits.size(); at += sampleUnits.get(i++)) {
      sampleVectors[i] =
          SentenceEncoder.mean(
              List.of(java.util.Arrays.copyOfRange(v, at, at + sampleUnits.get(i))));
    }
    sampleQualities = rubric.samples().stream().mapToDouble(SampleAnswer::quality).toArray();
    claimVectors = java.util.Arrays.copyOfRange(v, claimBase, correctionBase);
    claimTerms =
        siblings.claims.stream().map(c -> lexicon.terms(Siblings.forComparison(c.text()))).toList();
    claimWords =
        siblings.claims.stream()
            .map(c -> ExchangeCheck.words(lexicon, Siblings.forComparison(c.text())))
            .toList();
    claimStems =
        siblings.claims.stream()
            .map(c -> SwapCheck.wordsOf(Siblings.forComparison(c.text())))
            .toList();
    List<Set<String>> bySubject = new ArrayList<>();
    Set<String> neutral = new HashSet<>(questionWords);
    for (Siblings.Subject subject : siblings.subjects) {
      bySubject.add(new HashSet<>());
      neutral.addAll(SwapCheck.wordsOf(subject.name()));
    }
    for (int c = 0; c < siblings.claims.size(); c++) {
      bySubject.get(siblings.claims.get(c).subject()).addAll(claimStems.get(c));
    }
    subjectStems = bySubject.stream().map(Set::copyOf).toList();
    neutralStems = Set.copyOf(neutral);
    pointSubjects = siblings.keyPointSubjects(rubric.keyPoints().size());
    if (LOG.isDebugEnabled() && siblings.present()) {
      LOG.debug(
          "question {}: siblings {}",
          rubric.questionId(),
          siblings.subjects.stream().map(Siblings.Subject::name).toList());
      siblings.claims.forEach(
          c -> LOG.debug("  {}: {}", siblings.subjects.get(c.subject()).name(), c.text()));
    }
    question = v[0];
    reference = v[1];
    List<Point> ps = new ArrayList<>();
    Set<String> all = new HashSet<>(questionTerms);
    double weight = 0;
    for (int i = 0; i < rubric.keyPoints().size(); i++) {
      KeyPoint kp = rubric.keyPoints().get(i);
      // the point's alternatives reach its terms through the lexicon's phrase rules ("nginx" →
      // "load balancer"),
      // so they are not added here, where they would only dilute the share of the claim's terms
      // found
      Set<String> terms = demoted(lexicon.terms(claims.get(i)));
      all.addAll(terms);
      ps.add(
          new Point(
              kp,
              claims.get(i),
              v[2 + i],
              terms,
              TextUnits.negated(claims.get(i)),
              lexicon.headConcepts(claims.get(i))));
      weight += kp.weight();
    }
    points = List.copyOf(ps);
    sameFact = new int[ps.size()];
    for (int i = 0; i < ps.size(); i++) {
      sameFact[i] = i;
      for (int j = 0; j < i; j++) {
        if (sameFact[j] == j
            && SentenceEncoder.cosine(ps.get(i).vector(), ps.get(j).vector()) >= SAME_FACT_COS) {
          sameFact[i] = j;
          break;
        }
      }
    }
    totalWeight = weight;
    hasShortPoint = claims.stream().anyMatch(c -> Lexicon.tokens(c).size() <= SHORT_POINT_TOKENS);
    List<Wrong> ws = new ArrayList<>();
    int base = 2 + rubric.keyPoints().size();
    for (int i = 0; i < rubric.misconceptions().size(); i++) {
      Misconception m = rubric.misconceptions().get(i);
      ws.add(
          new Wrong(
              m,
              v[base + i],
              demoted(lexicon.terms(m.text())),
              Contrast.of(
                  new Misconception(
                      m.id(), canon.canonical(m.text()), canon.canonical(m.reason()), m.origin())),
              siblings.openingSubject(m.text()),
              correctionAt.get(i) < 0 ? null : v[correctionAt.get(i)]));
    }
    wrongs = List.copyOf(ws);
    referenceTerms = demoted(lexicon.terms(referenceText));
    referenceTokens = Lexicon.tokens(referenceText).size();
    referenceIsList = AnswerScreen.keywordList(referenceText);
    for (String term : rubric.evidenceTerms()) {
      all.addAll(lexicon.terms(term));
    }
    all.addAll(referenceTerms);
    rubricTerms = Set.copyOf(all);
    Set<String> stems = new HashSet<>();
    Lexicon.tokens(rubric.question()).forEach(t -> stems.add(Lexicon.stem(t)));
    questionStems = Set.copyOf(stems);
    referenceWords = List.copyOf(WordVectors.contentWords(referenceText, questionStems));
    referenceWordVectors =
        referenceWords.isEmpty() ? new float[0][] : encoder.embed(referenceWords);
  }

  /** What the rubric says is right, in its own words (see {@link SynonymCanon#of}). */
  private static List<String> statements(Rubric rubric) {
    List<String> texts = new ArrayList<>();
    texts.add(rubric.question());
    rubric.keyPoints().forEach(k -> texts.add(k.text()));
    texts.add(rubric.referenceAnswer());
    texts.add(rubric.tip());
    return texts;
  }

  /** Terms minus the question's own words ("question demoting"), unless nothing would be left. */
  private Set<String> demoted(Set<String> terms) {
    Set<String> out = new java.util.LinkedHashSet<>(terms);
    out.removeAll(questionTerms);
    return out.isEmpty() ? terms : out;
  }

  /**
   * The positive claim of a key point: "scales horizontally, not vertically" → "scales
   * horizontally".
   */
  static String claim(String text) {
    Matcher m = NEGATED_TAIL.matcher(text);
    if (m.find() && Lexicon.tokens(text.substring(0, m.start())).size() >= 2) {
      return text.substring(0, m.start()).strip();
    }
    return text;
  }

  private static final Map<String, RubricVectors> CACHE =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RubricVectors> eldest) {
          return size() > 2048;
        }
      };

  /** Cached per model and rubric version: a rubric's texts are embedded once. */
  static RubricVectors of(Rubric rubric, SentenceEncoder encoder) {
    String key = encoder.name() + "\u0000" + rubric.questionId() + "\u0000" + rubric.version();
    synchronized (CACHE) {
      RubricVectors cached = CACHE.get(key);
      if (cached != null) {
        return cached;
      }
    }
    RubricVectors built = new RubricVectors(rubric, encoder);
    synchronized (CACHE) {
      CACHE.putIfAbsent(key, built);
      return CACHE.get(key);
    }
  }
}
