package dev.interviewtutor.grading;

import dev.interviewtutor.grading.AnswerScreen.Rejection;
import dev.interviewtutor.grading.text.Connectives;
import dev.interviewtutor.grading.text.Lexicon;
import dev.interviewtutor.grading.text.OpeningPronoun;
import dev.interviewtutor.grading.text.Polarity;
import dev.interviewtutor.grading.text.Quantities;
import dev.interviewtutor.grading.text.SynonymCanon;
import dev.interviewtutor.grading.text.TextUnits;
import dev.interviewtutor.grading.text.TextUnits.Unit;
import dev.interviewtutor.knowledge.Rubric;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Grades without network or key: sentence embeddings from an in-process model plus lexical
 * evidence.
 *
 * <p>Why not one cosine: a confident wrong answer on the same topic, or a negated statement, is as
 * close to the reference as a right one. So each key point is judged on its own against the
 * answer's clauses (best embedding match backed by shared terms, with the clause's polarity
 * checked), the rubric's misconceptions are matched clause by clause (a clause nearer a
 * misconception than to any key point states it), and cheap screens catch answers that cannot earn
 * credit. Deterministic: one ONNX thread, no randomness, stable ordering.
 */
public final class OfflineGrader implements Grader {
  /** Cosine below which a clause says nothing about a key point, and where it clearly says it. */
  static final double COS_LOW = 0.25;

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(OfflineGrader.class);

  static final double COS_HIGH = 0.75;

  /** Combined evidence for "covered" and for "partial". */
  static final double COVERED = 0.60;

  static final double PARTIAL = 0.42;

  /**
   * Evidence when a clause names the concept a short key point is about, directly or by a synonym:
   * "Load balancer" is stated by "behind nginx". Just above {@link #COVERED}: naming it is stating
   * it.
   */
  static final double CONCEPT_NAMED = 0.64;

  /**
   * Wrong beliefs the rubric derived from a prohibition or a ❌ line: they say something is fine to
   * do.
   */
  private static final Set<String> ENDORSING_ORIGINS = Set.of("negation", "tip", "bad-use");

  /** A clause this close to a misconception (and closer than to any key point) states it. */
  static final double MISCONCEPTION_COS = 0.60;

  /**
   * A clause that says a word of a mistake's correction states the correction when it is at most
   * this much less near the correction than the mistake.
   */
  static final double CORRECTION_MARGIN = 0.02;

  /**
   * A clause at least this close to a wrong belief says it, with or without the belief's "every" or
   * "always"; below it, a belief about every case needs its "every" said.
   */
  static final double PARAPHRASE_COS = 0.75;

  /**
   * An answer in the question's own words is a restatement only below this coverage of the key
   * points: at or above it, it states them.
   */
  static final double RESTATED_MAX_COVERAGE = 0.8;

  /**
   * A clause that says the wrong side of an "X, not Y" statement in the bank's words needs only
   * this much topical closeness to the wrong belief: the words decide, the model only keeps
   * unrelated sentences out.
   */
  static final double CONTRAST_COS = 0.45;

  /** Highest score for an answer that states a mistake (unless it is otherwise nearly complete). */
  static final int MISTAKE_CAP = 30;

  /** Highest score for a bare list of terms. */
  static final int KEYWORD_LIST_CAP = 25;

  /** Most clauses graded (a 4,000-character answer has about 40). */
  private static final int MAX_UNITS = 80;

  /**
   * A clause this long (in words) is also split into fragments at commas and "and" for key-point
   * matching. From 25 words: shorter sentences rarely pack several points, and each fragment is one
   * more model call (measured: from 14 words SciEntsBank 2-way macro-F1 fell 0.015 and a 62-word
   * answer took 30% longer, for no gain on Mohler).
   */
  static final int RUN_ON_TOKENS = 25;

  private final SentenceEncoder encoder;
  private final ScoreCalibration calibration;
  private final WordVectors wordVectors = new WordVectors();

  /**
   * With the shipped calibration: what the bot, the terminal, {@code grade} and {@code eval} use.
   */
  public OfflineGrader(SentenceEncoder encoder) {
    this(encoder, ShippedCalibration.shipped());
  }

  /**
   * With another final score mapping ({@link ScoreCalibration#NONE}, or a calibration file under
   * test).
   */
  public OfflineGrader(SentenceEncoder encoder, ScoreCalibration calibration) {
    this.encoder = encoder;
    this.calibration = calibration;
  }

  /** The grader with the default model, shared by the whole process. */
  public static OfflineGrader withDefaultModel() {
    return new OfflineGrader(OnnxSentenceEncoder.shared(EmbeddingModelChoice.DEFAULT));
  }

  @Override
  public String name() {
    return "offline";
  }

  public SentenceEncoder encoder() {
    return encoder;
  }

  public ScoreCalibration calibration() {
    return calibration;
  }

  @Override
  public Grade grade(Rubric rubric, String answer) {
    return analyse(rubric, answer).grade();
  }

  /**
   * The grade plus the numbers behind it (for calibration in {@code tutor eval}).
   *
   * @param grade the grade
   * @param features see {@link #FEATURE_NAMES}
   * @param answerVector the answer's embedding (mean of its clauses), null when the answer was
   *     screened out
   * @param capped whether a safety rule (a named mistake, a restatement, a keyword list, no key
   *     point credited, a screen) keeps the hand-set score as a ceiling on the calibrated one
   */
  public record Analysis(Grade grade, double[] features, float[] answerVector, boolean capped) {}

  /** Names of {@link Analysis#features()} in order. */
  public static final List<String> FEATURE_NAMES =
      List.of(
          "score",
          "coverage",
          "reference_cos",
          "relevance",
          "term_recall",
          "term_precision",
          "misconceptions",
          "log_tokens",
          "mean_point_cos",
          "max_unit_reference_cos",
          "covered_share",
          "partial_share",
          "reference_precision",
          "log_length_ratio",
          "coverage_x_reference",
          "soft_reference_recall",
          "screened");

  /**
   * The features whose squares and pairwise products calibration may use: the main evidence, whose
   * effect on a human grade is not linear (coverage matters more when the answer is on the
   * reference's topic, and so on).
   */
  public static final List<String> INTERACTING_FEATURES =
      List.of(
          "coverage",
          "reference_cos",
          "term_recall",
          "log_tokens",
          "mean_point_cos",
          "max_unit_reference_cos");

  public Analysis analyse(Rubric rubric, String answer) {
    String text = AnswerPolicy.check(answer);
    RubricVectors rv = RubricVectors.of(rubric, encoder);
    Optional<Rejection> rejection = AnswerScreen.reject(text);
    if (rejection.isPresent()) {
      return rejected(rubric, rejection.get(), List.of());
    }
    List<String> notes = new ArrayList<>();
    List<String> instructions = new ArrayList<>();
    List<String> retracted = new ArrayList<>();
    String content = AnswerScreen.afterRetraction(text, retracted);
    if (!retracted.isEmpty()) {
      notes.add(
          content.isBlank() || Lexicon.tokens(content).size() < 3
              ? "You took back what you said, so there is nothing left to grade."
              : "You took back the first part of your answer; only what you said after that is graded.");
      if (content.isBlank()) {
        return rejected(rubric, Rejection.EMPTY, notes);
      }
    }
    content = AnswerScreen.withoutFakeGrades(content, instructions);
    content = AnswerScreen.withoutGraderInstructions(content, instructions);
    if (!instructions.isEmpty()) {
      notes.add(
          "Instructions to the grader, grades and rubric headings in an answer are ignored; only its content"
              + " is graded.");
    }
    if (content.isBlank() || AnswerScreen.reject(content).isPresent()) {
      Rejection r = content.isBlank() ? Rejection.EMPTY : AnswerScreen.reject(content).get();
      Analysis a = rejected(rubric, r, notes);
      if (!instructions.isEmpty()) {
        Grade g = a.grade();
        return new Analysis(
            new Grade(
                g.questionId(),
                0,
                Verdict.INCORRECT,
                g.keyPoints(),
                g.misconceptions(),
                "Your answer talks to the grader instead of answering the question. Explain the idea itself.",
                g.tip(),
                g.grader(),
                notes),
            a.features(),
            null,
            true);
      }
      return a;
    }

    // each clause is read in the rubric's terms (a bank synonym as the term it names); quotes keep
    // the answer's words
    List<Unit> units = unitsOf(rv, content);
    // list items inside clauses are embedded too, so that a short key point ("PDF generation") can
    // match one; a
    // rubric without short key points gains nothing from them (measured), so they are not embedded
    // for it. A long
    // run-on clause is also split at commas and "and": each point made in passing is then matched
    // on its own.
    List<String> texts = new ArrayList<>(units.stream().map(Unit::text).toList());
    List<Integer> fragmentOwner = new ArrayList<>();
    for (int u = 0; u < units.size(); u++) {
      Set<String> pieces = new java.util.LinkedHashSet<>();
      if (rv.hasShortPoint) {
        pieces.addAll(TextUnits.fragments(units.get(u).text()));
      }
      if (Lexicon.tokens(units.get(u).text()).size() >= RUN_ON_TOKENS) {
        pieces.addAll(TextUnits.clauseFragments(units.get(u).text()));
      }
      for (String f : pieces) {
        if (texts.size() < 3 * MAX_UNITS) {
          texts.add(f);
          fragmentOwner.add(u);
        }
      }
    }
    // content words of the answer not yet embedded go into the same model call (soft word alignment
    // feature)
    List<String> answerWords = WordVectors.contentWords(content, rv.questionStems);
    float[][] answerWordVectors = wordVectors.lookup(answerWords);
    List<String> newWords = new ArrayList<>();
    for (int i = 0; i < answerWords.size(); i++) {
      if (answerWordVectors[i] == null) {
        newWords.add(answerWords.get(i));
      }
    }
    int textCount = texts.size();
    texts.addAll(newWords);
    float[][] all = encoder.embed(texts);
    texts.subList(textCount, texts.size()).clear();
    if (!newWords.isEmpty()) {
      wordVectors.store(newWords, all, textCount);
      for (int i = 0, n = 0; i < answerWords.size(); i++) {
        if (answerWordVectors[i] == null) {
          answerWordVectors[i] = all[textCount + n++];
        }
      }
    }
    double softRecall =
        WordVectors.softRecall(
            rv.referenceWords, rv.referenceWordVectors, answerWords, answerWordVectors);
    float[][] uv = java.util.Arrays.copyOf(all, units.size());
    List<float[]> unitVectors = List.of(uv);
    float[] answerVector = SentenceEncoder.mean(unitVectors);
    Lexicon lex = rv.lexicon;
    List<Set<String>> unitTerms = units.stream().map(u -> lex.terms(u.text())).toList();
    List<Set<String>> fragmentTerms =
        texts.subList(units.size(), texts.size()).stream().map(lex::terms).toList();
    List<Set<String>> unitConcepts = units.stream().map(u -> lex.concepts(u.text())).toList();
    Set<String> answerTerms = new HashSet<>();
    unitTerms.forEach(answerTerms::addAll);

    // --- sibling swaps: a property of one contrasted concept given to another (found with the
    // subject held apart)
    SwapCheck.Result swaps = SwapCheck.run(rv, units, encoder);

    // --- misconceptions: a clause nearer a wrong belief than to any key point, with the same
    // polarity
    List<MisconceptionHit> hits = new ArrayList<>(swaps.hits());
    Set<Integer> wrongUnits = new HashSet<>(swaps.swappedUnits());
    // --- two things the question tells apart, said to be the same
    hits.addAll(SameAsCheck.find(rv, units, wrongUnits));
    List<Said> said = saidForMistakes(units, uv, unitTerms, lex, rv.canon, !rv.wrongs.isEmpty());
    for (RubricVectors.Wrong w : rv.wrongs) {
      // a wrong belief the bank implies by forbidding something ("Never X" → "it is fine to X", a ❌
      // bad use) is endorsing: a sentence that itself warns against something never states it,
      // whatever else it names
      boolean endorsing = ENDORSING_ORIGINS.contains(w.misconception().origin());
      // such a belief differs from the bank only in the words the bank negated ("cannot be caught"
      // → "can be caught"): a clause that does not say those words does not state it, however
      // close the rest is
      Set<String> pivot = endorsing ? Polarity.negatedStems(w.misconception().reason()) : Set.of();
      // a sentence that denies the belief in one clause ("A closure doesn't copy the variables, it
      // keeps a reference, so ... sees the new value") states it in none of its clauses
      Set<Integer> denying = new HashSet<>();
      List<Unit> clauses = units;
      for (Said c : said) {
        if (SentenceEncoder.cosine(c.vector(), w.vector()) >= MISCONCEPTION_COS
            && overlap(c.terms(), w.terms()) >= 0.3
            && Polarity.conflict(c.text(), w.misconception().text())) {
          c.units().forEach(u -> denying.add(clauses.get(u).sentenceIndex()));
        }
        // ... and so does one that corrects it in passing ("Checked exceptions are subclasses of
        // Exception but not RuntimeException", against "Checked exceptions are RuntimeException")
        if (SentenceEncoder.cosine(c.vector(), w.vector()) >= CONTRAST_COS
            && Polarity.correctsInPassing(c.sentence())
            && Polarity.conflict(c.sentence(), w.misconception().text())) {
          c.units().forEach(u -> denying.add(clauses.get(u).sentenceIndex()));
        }
      }
      String belief = rv.canon.canonical(w.misconception().text());
      // a bad practice is stated without the harm the bank says it does ("COPY . . before
      // installing dependencies, so every source edit reinstalls all packages"): its sign and
      // quantities are read in the practice alone
      String stated =
          "bad-use".equals(w.misconception().origin())
              ? practiceOf(w.misconception().text())
              : w.misconception().text();
      for (Said c : said) {
        double cos = SentenceEncoder.cosine(c.vector(), w.vector());
        // every way of stating the belief below needs at least this much: the word checks after
        // it are only paid for clauses that could
        if (cos < CONTRAST_COS
            || c.units().stream().anyMatch(u -> denying.contains(clauses.get(u).sentenceIndex()))) {
          continue;
        }
        // the mistake with two sibling names exchanged ("A tuple is mutable and a list is
        // immutable" against "A list is mutable and a tuple is immutable") is its correction, and
        // a clause about other siblings than the mistake's says nothing of them
        if (!ExchangeCheck.find(rv.siblings, rv.lexicon, List.of(belief), List.of(c.text()))
                .isEmpty()
            || ExchangeCheck.namesOnlyOtherSiblings(rv.siblings, belief, c.text())) {
          continue;
        }
        // a clause that warns against something ("What you don't want is to call exit() right
        // away") states no belief that is itself no warning
        if (Polarity.listsAsWrong(c.sentence())
            || endorsing && (Polarity.prohibits(c.sentence()) || TextUnits.negated(c.text()))
            || Polarity.prohibits(c.text()) && !Polarity.negatesSomething(belief)
            || !pivot.isEmpty()
                && java.util.Collections.disjoint(pivot, Polarity.contentStems(c.text()))
            || c.units().stream().anyMatch(u -> aboutAnotherSubject(swaps, u, w.subject()))
            || opensWithAnother(rv.siblings, c.text(), w.subject())) {
          continue;
        }
        // a clause that also says, plainly, a word only the correction has ("made with the private
        // key and verified with the public key" against "made with the public key") and is about
        // as near the correction states the correction, however many of the mistake's words it
        // repeats
        if (w.correction() != null
            && saysCorrectionWord(c.text(), w.misconception().text(), w.misconception().reason())
            && SentenceEncoder.cosine(c.vector(), w.correction()) >= cos - CORRECTION_MARGIN) {
          continue;
        }
        double nearestPoint = 0;
        for (RubricVectors.Point p : rv.points) {
          nearestPoint = Math.max(nearestPoint, SentenceEncoder.cosine(c.vector(), p.vector()));
        }
        if (w.correction() != null) {
          // the bank's own correction of the mistake is a right statement like the key points
          nearestPoint = Math.max(nearestPoint, SentenceEncoder.cosine(c.vector(), w.correction()));
        }
        double overlap = overlap(c.terms(), w.terms());
        boolean samePolarity =
            !Polarity.conflict(c.text(), stated)
                && !Quantities.quantityConflict(c.text(), stated)
                && !Quantities.repetitionUnsaid(c.text(), stated)
                && !(cos < PARAPHRASE_COS && Quantities.universalUnsaid(c.text(), stated));
        if (LOG.isDebugEnabled() && cos >= 0.5) {
          LOG.debug(
              "mistake check: '{}' vs '{}' cos {} nearest point {} overlap {} same polarity {}",
              c.text(),
              w.misconception().text(),
              String.format("%.3f", cos),
              String.format("%.3f", nearestPoint),
              String.format("%.2f", overlap),
              samePolarity);
        }
        // nearer the wrong belief than to every key point, by a margin: a right answer on the same
        // topic is about as close to both
        if (samePolarity && cos >= MISCONCEPTION_COS && cos >= nearestPoint + 0.03 && overlap >= 0.3
            || samePolarity && cos >= 0.8 && cos > nearestPoint && overlap >= 0.5
            || w.contrast() != null && cos >= CONTRAST_COS && w.contrast().statedBy(c.text())) {
          hits.add(
              new MisconceptionHit(
                  w.misconception().id(),
                  w.misconception().text(),
                  w.misconception().reason(),
                  c.sentence()));
          wrongUnits.addAll(c.units());
          break;
        }
      }
    }

    // --- coverage per key point
    ClaimSupport claimSupport = new ClaimSupport(rv.questionTerms, rv.rubricTerms);
    double[] unitSupport = unitTerms.stream().mapToDouble(claimSupport::support).toArray();
    List<KeyPointResult> results = new ArrayList<>();
    double credit = 0;
    double pointCosSum = 0;
    for (int pi = 0; pi < rv.points.size(); pi++) {
      RubricVectors.Point p = rv.points.get(pi);
      int pointSubject = rv.pointSubjects[pi];
      double best = 0;
      int bestUnit = -1;
      double bestCos = 0;
      boolean mayBeDenied = false;
      for (int u = 0; u < units.size(); u++) {
        if (wrongUnits.contains(u) || aboutAnotherSubject(swaps, u, pointSubject)) {
          continue;
        }
        double cos = SentenceEncoder.cosine(uv[u], p.vector());
        double lexical = overlap(unitTerms.get(u), p.terms());
        bestCos = Math.max(bestCos, cos);
        boolean conflict = Polarity.conflict(units.get(u).text(), p.claim());
        if (conflict
            && cos >= 0.55
            && lexical >= 0.5
            && overlapShare(units.get(u).text(), p.claim()) >= 0.45) {
          String sentence = units.get(u).sentence();
          // called a mistake only when the clause says the point's own words with the opposite
          // sign; otherwise the
          // clause is merely no evidence for the point (unsure is not wrong)
          // advice against something ("Don't use the index as a key if the list is reordered")
          // does not deny a fact about it ("index keys mismatch state when the list is
          // reordered"): no credit, but no mistake either
          boolean advisesAgainst =
              Polarity.warnsAgainst(sentence) && !Polarity.prohibits(p.claim());
          // "IPv6 drops broadcast" against "IPv6 has no broadcast": a verb may deny it as well, and
          // "the implementation lives elsewhere" says there is none here
          boolean mayDenyByVerb =
              Polarity.privative(units.get(u).text()) || Polarity.privative(p.claim());
          if (cos >= 0.7
              && !advisesAgainst
              && !mayDenyByVerb
              && !Polarity.deniesACondition(units.get(u).text())
              // a point about the case without something ("Without them a server can hang a
              // thread") is not denied by what holds with it ("so a server can't hang a thread")
              && !Polarity.deniesACondition(p.claim())
              && Polarity.opposite(units.get(u).text(), p.claim(), Lexicon::stem)
              && statesTheSame(units.get(u).text(), p.claim())
              && hits.stream().noneMatch(h -> h.evidence().equals(sentence))) {
            hits.add(
                new MisconceptionHit(
                    "contradicts-" + p.keyPoint().id(),
                    "The opposite of: " + p.keyPoint().text(),
                    "",
                    sentence));
            wrongUnits.add(u);
          }
          mayBeDenied = true;
          continue; // a clause that denies the point is no evidence for it
        }
        if (conflict && namesConcept(unitConcepts.get(u), p)) {
          // it names the point's concept with the other sign ("never need a load balancer"): a
          // denial, however close or far the rest of its words
          mayBeDenied = true;
          continue;
        }
        double evidence =
            claimSupport.clauseEvidence(
                0.7 * scale(cos, COS_LOW, COS_HIGH) + 0.3 * lexical,
                cos,
                lexical,
                p.terms().size(),
                unitSupport[u]);
        // naming the concept states the point only in the point's own polarity ("no need for nginx"
        // does not)
        // (judged on the whole clause: "never need nginx or any proxy" names a load balancer only
        // to reject it)
        if (!conflict
            && TextUnits.negated(units.get(u).text()) == p.negated()
            && namesConcept(unitConcepts.get(u), p)) {
          evidence = Math.max(evidence, CONCEPT_NAMED);
        }
        if (evidence > best) {
          best = evidence;
          bestUnit = u;
        }
      }
      for (int f = 0; f < fragmentOwner.size(); f++) {
        int u = fragmentOwner.get(f);
        if (wrongUnits.contains(u)
            || aboutAnotherSubject(swaps, u, pointSubject)
            || Polarity.conflict(texts.get(units.size() + f), p.claim())) {
          continue;
        }
        double cos = SentenceEncoder.cosine(all[units.size() + f], p.vector());
        double lexical = overlap(fragmentTerms.get(f), p.terms());
        double evidence =
            claimSupport.fragmentEvidence(
                0.7 * scale(cos, COS_LOW, COS_HIGH) + 0.3 * lexical,
                cos,
                lexical,
                p.terms().size());
        bestCos = Math.max(bestCos, cos);
        if (evidence > best) {
          best = evidence;
          bestUnit = u;
        }
      }
      pointCosSum += bestCos;
      Coverage coverage =
          best >= COVERED ? Coverage.COVERED : best >= PARTIAL ? Coverage.PARTIAL : Coverage.MISSED;
      String quote =
          coverage == Coverage.MISSED || bestUnit < 0 ? "" : units.get(bestUnit).sentence();
      results.add(
          new KeyPointResult(
              p.keyPoint().id(),
              p.keyPoint().text(),
              coverage,
              quote,
              confidence(
                  best, mayBeDenied, bestUnit >= 0 && swaps.leaningUnits().contains(bestUnit))));
      credit += p.keyPoint().weight() * scale(best, PARTIAL - 0.12, COVERED + 0.08);
    }
    results = sameFactConsistent(results, rv);
    double coverage = credit / rv.totalWeight;

    // --- whole-answer evidence
    double referenceCos = SentenceEncoder.cosine(answerVector, rv.reference);
    double relevance = 0;
    for (float[] v : uv) {
      relevance = Math.max(relevance, SentenceEncoder.cosine(v, rv.question));
      relevance = Math.max(relevance, SentenceEncoder.cosine(v, rv.reference));
      for (RubricVectors.Point p : rv.points) {
        relevance = Math.max(relevance, SentenceEncoder.cosine(v, p.vector()));
      }
    }
    double termRecall = overlap(answerTerms, rv.referenceTerms);
    Set<String> newTerms = new HashSet<>(answerTerms);
    newTerms.removeAll(rv.questionTerms);
    double termPrecision =
        answerTerms.isEmpty()
            ? 0
            : (double) countIn(answerTerms, rv.rubricTerms) / answerTerms.size();
    int tokens = Lexicon.tokens(content).size();

    // a strong interview answer rarely touches every rubric point: 70% of the weight counts as full
    // coverage
    double raw = 0.75 * Math.min(1, coverage / 0.7) + 0.25 * scale(referenceCos, 0.3, 0.85);
    double score = 100 * Math.min(1, raw / 0.85);

    Verdict verdict = null;
    String problem = null;
    boolean offTopic = relevance < 0.30 && termPrecision < 0.15;
    // the question often holds the answer's words ("What will happen when she moves the switch?"
    // "The motor will run."): an answer that states the model answer's points, and takes no word
    // from the question that the model answer leaves out, is not a restatement, whatever words it
    // uses ("Whether the bulb will light or stay dark" also says the question's "stay dark")
    Set<String> fromQuestion = new HashSet<>(answerTerms);
    fromQuestion.retainAll(rv.questionTerms);
    boolean statesAPoint = statesAPointInOwnWords(results, rv, content);
    boolean statesTheAnswer =
        coverage >= RESTATED_MAX_COVERAGE && rv.referenceTerms.containsAll(fromQuestion)
            || statesAPoint;
    boolean restated =
        (newTerms.isEmpty()
                    // one new word is an answer when it is the model answer's ("Where do programs
                    // start?" "main")
                    || newTerms.size() == 1 && !rv.referenceTerms.containsAll(newTerms))
                && !statesTheAnswer
            || SentenceEncoder.cosine(answerVector, rv.question) >= 0.85
                && newTerms.size() <= 3
                && coverage < 0.5
                && !statesAPoint;
    boolean keywordList = AnswerScreen.keywordList(content) && !rv.referenceIsList;
    if (offTopic) {
      verdict = Verdict.OFF_TOPIC;
      score = Math.min(score, 5);
      problem = "This doesn't answer the question asked. Re-read it and explain that topic.";
    } else if (restated) {
      score = Math.min(score, 10);
      verdict = Verdict.INCORRECT;
      problem =
          "You restated the question without answering it. Say what actually happens, and why.";
    } else if (keywordList) {
      // naming the topic's terms shows recognition, not understanding: never more than a weak
      // partial
      score = Math.min(score, KEYWORD_LIST_CAP);
      problem =
          "You listed terms without explaining them. Use full sentences: what each one is and why it matters.";
    }
    if (!hits.isEmpty()) {
      long wrongSentences = hits.stream().map(MisconceptionHit::evidence).distinct().count();
      score = Math.max(0, score - 30 * wrongSentences);
      // stating a known wrong belief is what interviewers remember: incorrect unless the rest is
      // nearly complete
      // ... and a swap of two sibling concepts always is: telling them apart is what the question
      // asks, so the rest of the answer cannot be trusted to mean what it says
      boolean swapped = !swaps.hits().isEmpty();
      score = Math.min(score, coverage >= 0.8 && !swapped ? 50 : MISTAKE_CAP);
    }
    int handScore = (int) Math.round(Math.max(0, Math.min(100, score)));
    double maxUnitReference = 0;
    for (float[] v : uv) {
      maxUnitReference = Math.max(maxUnitReference, SentenceEncoder.cosine(v, rv.reference));
    }
    double n = results.size();
    double coveredShare =
        results.stream().filter(r -> r.coverage() == Coverage.COVERED).count() / n;
    double partialShare =
        results.stream().filter(r -> r.coverage() == Coverage.PARTIAL).count() / n;
    double referencePrecision =
        newTerms.isEmpty() ? 0 : (double) countIn(newTerms, rv.referenceTerms) / newTerms.size();
    double lengthRatio = Math.log((tokens + 1.0) / (rv.referenceTokens + 1.0));
    double[] features = {
      handScore / 100.0,
      coverage,
      referenceCos,
      relevance,
      termRecall,
      termPrecision,
      hits.size(),
      Math.log1p(tokens),
      pointCosSum / rv.points.size(),
      maxUnitReference,
      coveredShare,
      partialShare,
      referencePrecision,
      lengthRatio,
      coverage * referenceCos,
      softRecall,
      0
    };
    // the shipped (fitted) mapping; a safety rule that fired keeps the hand-set score as a ceiling.
    // An answer that
    // earned no key point, not even in part, is one too: the fitted curve was learned on data where
    // such answers are
    // rare, and would lift topic words alone to "partially correct"
    // (only where the rubric says enough to judge by: a short model answer leaves right answers
    // uncredited)
    boolean nothingCredited =
        claimSupport.judges() && results.stream().allMatch(r -> r.coverage() == Coverage.MISSED);
    boolean flagged = verdict != null || problem != null || !hits.isEmpty() || nothingCredited;
    int finalScore = calibration.score(features, handScore, flagged);
    // graded sample answers vote; an answer and a sample are each the mean of their clauses'
    // vectors
    Optional<SampleVote> sampleVote =
        rv.sampleVectors.length == 0 ? Optional.empty() : calibration.sampleVote();
    if (sampleVote.isPresent()) {
      double[] cosines = new double[rv.sampleVectors.length];
      for (int i = 0; i < cosines.length; i++) {
        cosines[i] = SentenceEncoder.cosine(answerVector, rv.sampleVectors[i]);
      }
      double vote = SampleVote.vote(cosines, rv.sampleQualities, finalScore / 100.0);
      // graded answers overrule the grader's own doubts (nothing credited, "restated the question")
      // but not what it found in the answer: a stated mistake, off topic, a list of terms
      boolean found = !hits.isEmpty() || offTopic || keywordList;
      int voted = sampleVote.get().score(finalScore, vote, found);
      if (voted > finalScore && restated) {
        verdict = null;
        problem = null;
      }
      sampleNote(voted - finalScore, cosines, rv.sampleQualities, rubric).ifPresent(notes::add);
      finalScore = voted;
    }
    if (verdict == null) {
      verdict =
          finalScore >= 70
              ? Verdict.CORRECT
              : finalScore >= 40 ? Verdict.PARTIALLY_CORRECT : Verdict.INCORRECT;
    }
    String feedback = feedback(verdict, results, hits, problem, rv);
    Grade grade =
        new Grade(
            rubric.questionId(),
            finalScore,
            verdict,
            results,
            hits,
            feedback,
            rubric.tip(),
            name(),
            notes);
    return new Analysis(grade, features, answerVector, flagged);
  }

  /**
   * The clauses of an answer as the grader reads them: in the rubric's terms, an opening pronoun as
   * the question's subject, at most {@value #MAX_UNITS}.
   */
  static List<Unit> unitsOf(RubricVectors rv, String content) {
    List<Unit> units =
        OpeningPronoun.resolve(
            rv.canon.units(TextUnits.units(content)), rv.questionSubject, rv.comparedInTitle);
    return units.size() > MAX_UNITS ? units.subList(0, MAX_UNITS) : units;
  }

  /** The bank's samples moved a score by at least this much: the grade says why. */
  static final int SAMPLE_NOTE_MOVE = 10;

  /**
   * Why the bank's graded samples moved the score: down, the nearest sample the bank marks
   * incorrect (quoted, so the person can compare); up, that it reads like the correct ones.
   */
  private static Optional<String> sampleNote(
      int moved, double[] cosines, double[] qualities, Rubric rubric) {
    if (moved <= -SAMPLE_NOTE_MOVE) {
      int nearest = -1;
      for (int i = 0; i < cosines.length; i++) {
        if (qualities[i] == 0 && (nearest < 0 || cosines[i] > cosines[nearest])) {
          nearest = i;
        }
      }
      if (nearest >= 0) {
        String text = rubric.samples().get(nearest).text();
        String quoted = text.length() > 120 ? text.substring(0, 117).strip() + "..." : text;
        return Optional.of(
            "Your answer reads like one this question's bank marks incorrect: \"" + quoted + "\"");
      }
    } else if (moved >= SAMPLE_NOTE_MOVE) {
      return Optional.of("Your answer reads like the ones this question's bank marks correct.");
    }
    return Optional.empty();
  }

  private Analysis rejected(Rubric rubric, Rejection r, List<String> notes) {
    List<KeyPointResult> missed =
        rubric.keyPoints().stream()
            .map(k -> new KeyPointResult(k.id(), k.text(), Coverage.MISSED, ""))
            .toList();
    Grade grade =
        new Grade(
            rubric.questionId(),
            0,
            r.verdict,
            missed,
            List.of(),
            r.feedback,
            rubric.tip(),
            name(),
            notes);
    double[] features = new double[FEATURE_NAMES.size()];
    features[FEATURE_NAMES.size() - 1] = 1;
    return new Analysis(grade, features, null, true);
  }

  private static String feedback(
      Verdict verdict,
      List<KeyPointResult> results,
      List<MisconceptionHit> hits,
      String problem,
      RubricVectors rv) {
    StringBuilder sb = new StringBuilder();
    if (problem != null) {
      sb.append(problem);
    } else {
      sb.append(
          switch (verdict) {
            case CORRECT -> "Good answer.";
            case PARTIALLY_CORRECT -> "Partly there.";
            case INCORRECT -> "Not quite.";
            case OFF_TOPIC -> "This doesn't answer the question asked.";
          });
    }
    List<KeyPointResult> covered =
        results.stream().filter(r -> r.coverage() == Coverage.COVERED).toList();
    if (!covered.isEmpty() && problem == null) {
      sb.append(" You explained: ").append(shorten(covered.get(0).keyPoint()));
      if (covered.size() > 1) {
        sb.append(" (and ").append(covered.size() - 1).append(" more)");
      }
      sb.append('.');
    }
    for (MisconceptionHit h : hits.stream().limit(2).toList()) {
      sb.append(" Careful: \"").append(shorten(h.evidence())).append("\" is a common mistake");
      sb.append(
          h.reason().isBlank() ? "." : ": " + h.reason().strip().replaceAll("[.]$", "") + ".");
    }
    // the missed facts that matter most first: explanation and key points before tip, bullets and
    // table rows; each
    // fact once
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      if (results.get(i).coverage() == Coverage.MISSED && rv.sameFact[i] == i) {
        order.add(i);
      }
    }
    order.sort(
        java.util.Comparator.comparingDouble((Integer i) -> -rv.points.get(i).keyPoint().weight()));
    List<KeyPointResult> missed = order.stream().map(results::get).toList();
    if (!missed.isEmpty() && verdict != Verdict.OFF_TOPIC) {
      sb.append(" Also mention: ").append(shorten(missed.get(0).keyPoint()));
      if (missed.size() > 1) {
        sb.append("; ").append(shorten(missed.get(1).keyPoint()));
      }
      sb.append('.');
    }
    return sb.toString().replace("..", ".");
  }

  private static String shorten(String s) {
    String t = s.strip().replaceAll("\\s+", " ").replaceAll("[.]$", "");
    if (t.length() <= 90) {
      return t;
    }
    int cut = t.lastIndexOf(' ', 88);
    // at a word boundary; one ellipsis character, since feedback's ".." clean-up would cut "..." to
    // ".."
    return t.substring(0, cut >= 60 ? cut : 88).strip().replaceAll("[,;:]$", "") + "…";
  }

  /**
   * How sure a key point's coverage is: evidence near a threshold (within {@value #SURE_DISTANCE})
   * could go either way; a clause that may deny the point, or whose claim leans to a sibling
   * concept, makes any credit doubtful.
   */
  static double confidence(double evidence, boolean mayBeDenied, boolean leansToSibling) {
    double distance = Math.min(Math.abs(evidence - COVERED), Math.abs(evidence - PARTIAL));
    double c = Math.min(1, 0.4 + 0.6 * distance / SURE_DISTANCE);
    if (mayBeDenied || leansToSibling && evidence >= PARTIAL) {
      c = Math.min(c, 0.3);
    }
    return Math.round(c * 100) / 100.0;
  }

  /** Evidence this far from both thresholds is a sure call. */
  static final double SURE_DISTANCE = 0.1;

  /** What a consequence is joined by: "X, so Y", "X, which Y", "X, meaning Y". */
  private static final java.util.regex.Pattern CONSEQUENCE =
      java.util.regex.Pattern.compile("(?i),\\s+(?:so|which|meaning|and\\s+so|so\\s+that)\\b");

  /**
   * A bad use without the harm it does: "COPY . . first, so every edit reinstalls" → "COPY . .
   * first".
   */
  static String practiceOf(String badUse) {
    java.util.regex.Matcher m = CONSEQUENCE.matcher(badUse);
    return m.find() && m.start() > 0 ? badUse.substring(0, m.start()) : badUse;
  }

  /**
   * Key points that state the same fact get the best coverage among them, quoting what earned it.
   */
  private static List<KeyPointResult> sameFactConsistent(
      List<KeyPointResult> results, RubricVectors rv) {
    List<KeyPointResult> out = new ArrayList<>(results);
    for (int i = 0; i < out.size(); i++) {
      int root = rv.sameFact[i];
      for (int j = 0; j < out.size(); j++) {
        if (rv.sameFact[j] == root && out.get(j).coverage().compareTo(out.get(i).coverage()) < 0) {
          KeyPointResult r = out.get(i);
          out.set(
              i,
              new KeyPointResult(
                  r.keyPointId(),
                  r.keyPoint(),
                  out.get(j).coverage(),
                  out.get(j).evidence(),
                  out.get(j).confidence()));
        }
      }
    }
    return out;
  }

  /**
   * Whether the clause says, outside any negation, a content word that the mistake's correction has
   * and the mistake does not.
   */
  static boolean saysCorrectionWord(String clause, String mistake, String correction) {
    Set<String> only = Polarity.contentStems(correction);
    only.removeAll(Polarity.contentStems(mistake));
    Set<String> said = Polarity.contentStems(clause);
    said.removeAll(Polarity.negatedStems(clause));
    return !java.util.Collections.disjoint(only, said);
  }

  /** A clause, or a whole sentence of several clauses, that may state a wrong belief. */
  private record Said(
      String text, String sentence, float[] vector, Set<String> terms, List<Integer> units) {}

  /**
   * What the mistake check reads: every clause, and every sentence that joins a claim to its reason
   * as a whole. A wrong belief with its reason ("Python cannot leak memory because it has a garbage
   * collector") is one claim; split at "because", neither half says enough of it. A sentence with a
   * contrast ("…, but the name still shows") is read only clause by clause: one side may be the
   * correction. A clause is also read as what it says is done, without the purpose, reason or actor
   * given for it ({@link TextUnits#actionCore}): a bad practice is the same practice whatever it is
   * done for.
   */
  private List<Said> saidForMistakes(
      List<Unit> units,
      float[][] uv,
      List<Set<String>> unitTerms,
      Lexicon lex,
      SynonymCanon canon,
      boolean needed) {
    List<Said> out = new ArrayList<>();
    Map<Integer, List<Integer>> bySentence = new java.util.LinkedHashMap<>();
    for (int u = 0; u < units.size(); u++) {
      out.add(
          new Said(
              units.get(u).text(), units.get(u).sentence(), uv[u], unitTerms.get(u), List.of(u)));
      bySentence.computeIfAbsent(units.get(u).sentenceIndex(), k -> new ArrayList<>()).add(u);
    }
    if (!needed) {
      return out;
    }
    List<List<Integer>> several =
        bySentence.values().stream()
            .filter(
                us -> us.size() >= 2 && Connectives.givesReason(units.get(us.get(0)).sentence()))
            .toList();
    // read in the rubric's terms like the clauses; quoted as written
    List<String> read = new ArrayList<>();
    List<String> quoted = new ArrayList<>();
    List<List<Integer>> from = new ArrayList<>();
    for (List<Integer> us : several) {
      read.add(canon.canonical(units.get(us.get(0)).sentence()));
      quoted.add(units.get(us.get(0)).sentence());
      from.add(List.copyOf(us));
    }
    // what each clause says is done, without the reason or purpose given for it
    for (int u = 0; u < units.size(); u++) {
      String core = TextUnits.actionCore(units.get(u).text());
      if (!core.equals(units.get(u).text().strip())) {
        read.add(canon.canonical(core));
        quoted.add(units.get(u).sentence());
        from.add(List.of(u));
      }
    }
    if (read.isEmpty()) {
      return out;
    }
    float[][] vectors = encoder.embed(read);
    for (int s = 0; s < read.size(); s++) {
      out.add(
          new Said(read.get(s), quoted.get(s), vectors[s], lex.terms(read.get(s)), from.get(s)));
    }
    return out;
  }

  /**
   * Whether the answer surely covers a key point that says more than the question, with a word of
   * its own besides the question's and grammar words ("Kafka keeps the messages in order inside a
   * partition", for "How do partitions affect message ordering?"): a statement, though every
   * content word is the question's. "Partitions affect message ordering." has no such word.
   */
  private static boolean statesAPointInOwnWords(
      List<KeyPointResult> results, RubricVectors rv, String answer) {
    if (rv.questionWords.containsAll(SwapCheck.wordsOf(answer))) {
      return false;
    }
    for (int pi = 0; pi < results.size(); pi++) {
      if (results.get(pi).coverage() == Coverage.COVERED
          && !results.get(pi).unsure()
          && !rv.questionTerms.containsAll(rv.points.get(pi).terms())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a clause and a key point say the same thing apart from negation: most of the content
   * words of each are in the other. Only then is a clause with the opposite sign a contradiction
   * rather than a different statement.
   */
  static boolean statesTheSame(String clause, String point) {
    return overlapShare(clause, point) >= 0.6;
  }

  /** Shared content words over all content words of the two texts (negation words left out). */
  static double overlapShare(String a, String b) {
    Set<String> sa = Polarity.contentStems(a);
    Set<String> sb = Polarity.contentStems(b);
    if (sa.isEmpty() || sb.isEmpty()) {
      return 0;
    }
    Set<String> both = new HashSet<>(sa);
    both.retainAll(sb);
    Set<String> either = new HashSet<>(sa);
    either.addAll(sb);
    return (double) both.size() / either.size();
  }

  /**
   * Whether unit {@code u} is about sibling concepts only, none of them the key point's own
   * subject.
   */
  private static boolean aboutAnotherSubject(SwapCheck.Result swaps, int u, int pointSubject) {
    Set<Integer> subjects = swaps.unitSubjects().get(u);
    return pointSubject >= 0 && !subjects.isEmpty() && !subjects.contains(pointSubject);
  }

  /**
   * Whether the clause opens with a sibling other than the belief's own: "OpenID Connect adds
   * authentication on top of OAuth 2.0" is about OpenID Connect and states no belief about OAuth
   * 2.0, which it names only as an object.
   */
  private static boolean opensWithAnother(Siblings siblings, String clause, int beliefSubject) {
    if (beliefSubject < 0) {
      return false;
    }
    int opening = siblings.openingSubject(clause);
    return opening >= 0 && opening != beliefSubject;
  }

  /**
   * Whether a clause names what a short key point is about ("behind nginx" for "A load balancer in
   * front...").
   */
  private static boolean namesConcept(Set<String> clauseConcepts, RubricVectors.Point p) {
    for (String c : p.concepts()) {
      if (clauseConcepts.contains(c)) {
        return true;
      }
    }
    return false;
  }

  private static double overlap(Set<String> have, Set<String> want) {
    if (want.isEmpty()) {
      return 0;
    }
    return (double) countIn(want, have) / want.size();
  }

  private static int countIn(Set<String> items, Set<String> in) {
    int n = 0;
    for (String s : items) {
      if (in.contains(s)) {
        n++;
      }
    }
    return n;
  }

  static double scale(double x, double lo, double hi) {
    return Math.max(0, Math.min(1, (x - lo) / (hi - lo)));
  }
}
