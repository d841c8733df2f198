package dev.interviewtutor.grading;

import dev.interviewtutor.grading.text.Lexicon;
import dev.interviewtutor.grading.text.Polarity;
import dev.interviewtutor.grading.text.TextUnits;
import dev.interviewtutor.grading.text.TextUnits.Unit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the clauses of an answer that give one sibling concept's property to another ("no-cache
 * means it is never stored", when the bank says that of no-store), and which sibling each clause is
 * about, so that a key point is credited only by clauses about its own subject.
 *
 * <p>Each run of a sentence that names a subject is embedded with the subject replaced by "it" and
 * compared with what the bank says about every sibling, also with the subject replaced. A run is a
 * swap when it matches a sibling's claim clearly better than any claim of the subject it names; two
 * runs are, when each says words the bank uses only of the other's subject (see {@code
 * leaningByWords}).
 */
final class SwapCheck {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SwapCheck.class);

  /** A run must be at least this close to the sibling's claim to be called a swap. */
  static final double SWAP_FLOOR = 0.5;

  /** ... and this much closer to it than to anything the bank says about the named subject. */
  static final double SWAP_MARGIN = 0.10;

  /**
   * In an exchange (two runs each leaning to the other's subject), each run's claim must be at
   * least this close.
   */
  static final double EXCHANGE_FLOOR = 0.35;

  /**
   * A claim that negates what the run says about a shared word is that much less like it: the model
   * barely separates "may be stored" from "may not be stored", the words do.
   */
  static final double POLARITY_PENALTY = 0.15;

  /**
   * Two claims sharing at least this share of their terms (Dice) mirror each other: only word order
   * tells them apart (see {@link #inOwnOrder}).
   */
  static final double MIRRORED = 0.5;

  /**
   * A run sharing this much more of its words (Dice) with a claim of its own subject than with the
   * other sibling's claim is not called a swap, whatever the model says.
   */
  static final double WORDS_DISAGREE = 0.3;

  /** Weight of shared words next to the model's cosine (see {@link #dice}). */
  static final double WORDS_WEIGHT = 0.3;

  /**
   * The outcome for one answer. {@code unitSubjects.get(u)} is empty when unit u names no sibling.
   */
  /**
   * The outcome for one answer. {@code unitSubjects.get(u)} is empty when unit u names no sibling;
   * {@code leaningUnits} are units whose claim fits another sibling better than their own, but not
   * clearly enough to call a swap: what they are credited for is unsure.
   */
  record Result(
      List<MisconceptionHit> hits,
      Set<Integer> swappedUnits,
      List<Set<Integer>> unitSubjects,
      Set<Integer> leaningUnits) {
    static Result none(int units) {
      List<Set<Integer>> empty = new ArrayList<>();
      for (int i = 0; i < units; i++) {
        empty.add(Set.of());
      }
      return new Result(List.of(), Set.of(), empty, Set.of());
    }
  }

  private SwapCheck() {}

  static Result run(RubricVectors rv, List<Unit> units, SentenceEncoder encoder) {
    Siblings siblings = rv.siblings;
    if (!siblings.present() || units.isEmpty()) {
      return Result.none(units.size());
    }
    // which subjects each unit is about; a unit naming none continues the previous unit's subject
    // in its sentence
    List<Set<Integer>> unitSubjects = new ArrayList<>();
    for (int u = 0; u < units.size(); u++) {
      Set<Integer> named = new LinkedHashSet<>();
      siblings.mentions(units.get(u).text()).forEach(m -> named.add(m[2]));
      if (named.isEmpty()
          && u > 0
          && units.get(u - 1).sentenceIndex() == units.get(u).sentenceIndex()) {
        named.addAll(unitSubjects.get(u - 1));
      }
      unitSubjects.add(Set.copyOf(named));
    }

    List<String> sentences = new ArrayList<>();
    List<Integer> sentenceIndex = new ArrayList<>();
    for (Unit unit : units) {
      if (sentenceIndex.isEmpty()
          || sentenceIndex.get(sentenceIndex.size() - 1) != unit.sentenceIndex()) {
        sentences.add(unit.sentence());
        sentenceIndex.add(unit.sentenceIndex());
      }
    }
    List<MisconceptionHit> hits = new ArrayList<>();
    Set<Integer> swappedSentences = new HashSet<>();
    exchanges(rv, sentences, sentenceIndex, hits, swappedSentences);
    List<Siblings.Segment> segments = new ArrayList<>();
    List<Integer> segmentSentence = new ArrayList<>();
    for (int s = 0; s < sentences.size(); s++) {
      // subjects and claims read in the rubric's terms; a swap is quoted as written
      for (Siblings.Segment seg :
          siblings.segmentsWithRelatives(rv.canon.canonical(sentences.get(s)))) {
        if (dev.interviewtutor.grading.text.Lexicon.tokens(seg.claim()).size() >= 3) {
          segments.add(seg);
          segmentSentence.add(sentenceIndex.get(s));
        }
      }
    }
    if (segments.isEmpty()) {
      return new Result(dedupe(hits), unitsOf(units, swappedSentences), unitSubjects, Set.of());
    }
    List<String> compared =
        segments.stream().map(seg -> Siblings.forComparison(seg.claim())).toList();
    float[][] vectors = encoder.embed(compared);
    List<Set<String>> segmentTerms = compared.stream().map(rv.lexicon::terms).toList();
    List<Leaning> leanings = new ArrayList<>();
    List<Leaning> wordLeanings = new ArrayList<>();
    // runs about a subject the bank says nothing of on its own, and how close each run is to what
    // the bank says of its own subject (-1: nothing)
    List<Leaning> claimless = new ArrayList<>();
    double[] ownFit = new double[segments.size()];
    // a swap is named once per leaning run, quoting its sentence as written
    java.util.function.Consumer<Leaning> name =
        l -> {
          int sentence = segmentSentence.get(l.segment());
          hits.add(swap(rv, l, sentences.get(sentenceIndex.indexOf(sentence))));
          swappedSentences.add(sentence);
        };
    for (int g = 0; g < segments.size(); g++) {
      int own = segments.get(g).subject();
      double ownBest = -1;
      double ownWords = 0;
      double otherWords = 0;
      double otherBest = -1;
      int otherSubject = -1;
      int otherClaim = -1;
      // a run that names another sibling says something about the two ("it allows dirty reads,
      // meaning you see uncommitted changes"): its words may be that sibling's, and are no swap
      // (by its name: a synonym may be the very claim, "authentication is about permissions");
      // nor is a bank claim that names the run's own subject ("SameSite cookies: Lax withholds the
      // cookie on cross-site POSTs", for a run about Lax)
      Set<Integer> namedInRun = siblings.namedByName(segments.get(g).claim());
      boolean runNegated = TextUnits.negated(compared.get(g));
      for (int c = 0; c < siblings.claims.size(); c++) {
        Siblings.Claim claim = siblings.claims.get(c);
        if (claim.subject() != own
            && (namedInRun.contains(claim.subject()) || siblings.claimNames.get(c).contains(own))) {
          continue;
        }
        boolean denies =
            Polarity.conflict(
                compared.get(g), Siblings.forComparison(claim.text()), rv.lexicon::term);
        if (claim.subject() != own) {
          // a run that denies what the bank says of another sibling tells the two apart ("threads
          // don't run in parallel" against "processes run in parallel"); and a run that denies
          // something cannot state a claim that denies nothing ("enums don't play well with
          // erasable syntax" is not "a union is erased")
          if (denies) {
            continue;
          }
          denies = runNegated && !TextUnits.negated(Siblings.forComparison(claim.text()));
        }
        double words = dice(segmentTerms.get(g), rv.claimTerms.get(c));
        double cos =
            SentenceEncoder.cosine(vectors[g], rv.claimVectors[c])
                + WORDS_WEIGHT * words
                - (denies ? POLARITY_PENALTY : 0);
        if (claim.subject() == own) {
          ownBest = Math.max(ownBest, cos);
          ownWords = Math.max(ownWords, words);
        } else if (cos > otherBest) {
          otherBest = cos;
          otherWords = words;
          otherSubject = claim.subject();
          otherClaim = c;
        }
      }
      ownFit[g] = ownBest;
      if (ownBest < 0 && otherSubject >= 0 && !runNegated) {
        claimless.add(new Leaning(g, own, otherSubject, otherClaim, 0, otherBest));
      }
      if (ownBest < 0 || otherSubject < 0) {
        continue; // the bank says nothing about this subject on its own: nothing to compare with
      }
      if (!runNegated) {
        Leaning byWords = leaningByWords(rv, g, own, wordsOf(compared.get(g)), namedInRun);
        if (byWords != null) {
          wordLeanings.add(byWords);
        }
      }
      if (LOG.isDebugEnabled()) {
        LOG.debug(
            "swap check: subject {} run '{}' own {} best other {} ({}), words {} vs {}",
            siblings.subjects.get(own).name(),
            segments.get(g).claim(),
            String.format("%.3f", ownBest),
            otherSubject < 0 ? "-" : siblings.subjects.get(otherSubject).name(),
            String.format("%.3f", otherBest),
            String.format("%.2f", ownWords),
            String.format("%.2f", otherWords));
      }
      Leaning leaning =
          new Leaning(g, own, otherSubject, otherClaim, otherBest - ownBest, otherBest);
      if (leaning.margin() > 0 && inOwnOrder(rv, compared.get(g), own, otherClaim)
          || ownWords >= otherWords + WORDS_DISAGREE) {
        // the run says the bank's own words for its subject, and not the other's: the model's
        // leaning ("stop them from seeing other processes" nearer "limit how much CPU they may
        // use" than "what a process can see") is no swap
        continue;
      }
      if (otherBest >= SWAP_FLOOR && otherBest >= ownBest + SWAP_MARGIN) {
        name.accept(leaning);
      } else if (leaning.margin() > 0) {
        leanings.add(leaning);
      }
    }
    // an exchange: what the answer says of A fits B better and what it says of B fits A better. Two
    // runs that lean
    // the other way each are stronger evidence together than either alone, so their margins add up.
    for (Leaning a : leanings) {
      for (Leaning b : leanings) {
        if (a.segment() < b.segment()
            && a.own() == b.other()
            && b.own() == a.other()
            && a.margin() + b.margin() >= SWAP_MARGIN
            && Math.min(a.otherCos(), b.otherCos()) >= EXCHANGE_FLOOR
            && Math.max(a.otherCos(), b.otherCos()) >= SWAP_FLOOR) {
          name.accept(a);
          name.accept(b);
        }
      }
    }
    // an exchange in the bank's words: each of two runs says what the bank says only of the other's
    // subject, and nothing the bank says only of its own ("on a queue every consumer gets a copy
    // ..., on a topic the subscribers compete and only one gets it"), where the model sees two
    // runs on the same topic
    for (Leaning a : wordLeanings) {
      for (Leaning b : wordLeanings) {
        int sa = segmentSentence.get(a.segment());
        int sb = segmentSentence.get(b.segment());
        if (a.segment() < b.segment()
            && a.own() == b.other()
            && b.own() == a.other()
            && !(swappedSentences.contains(sa) && swappedSentences.contains(sb))) {
          LOG.debug(
              "swap check: exchange in the bank's words between '{}' and '{}'",
              segments.get(a.segment()).claim(),
              segments.get(b.segment()).claim());
          name.accept(a);
          name.accept(b);
        }
      }
    }
    // a run about a subject the bank says nothing of on its own cannot be weighed against its own
    // claims; but when it says what the bank says of a sibling ("user space is the privileged mode
    // with direct access to the hardware") clearly better than the answer's own run about that
    // sibling does ("kernel space is the restricted sandbox"), the two have been exchanged.
    // Only for two names the title sets against each other: elsewhere a name without claims may
    // be another name for its "sibling" ("use refs for DOM nodes" beside a right sentence about
    // useRef).
    for (Leaning a : claimless) {
      for (int b = 0; b < segments.size(); b++) {
        if (segments.get(b).subject() == a.other()
            && ownFit[b] >= 0
            && comparedByTitle(rv, a.own(), a.other())
            && a.otherCos() >= SWAP_FLOOR
            && a.otherCos() >= ownFit[b] + SWAP_MARGIN
            && !swappedSentences.contains(segmentSentence.get(a.segment()))) {
          LOG.debug(
              "swap check: '{}' says what the bank says of {} better than '{}'",
              segments.get(a.segment()).claim(),
              siblings.subjects.get(a.other()).name(),
              segments.get(b).claim());
          name.accept(a);
        }
      }
    }
    Set<Integer> leaningSentences = new HashSet<>();
    leanings.forEach(l -> leaningSentences.add(segmentSentence.get(l.segment())));
    Set<Integer> swappedUnits = new HashSet<>();
    Set<Integer> leaningUnits = new HashSet<>();
    for (int u = 0; u < units.size(); u++) {
      if (swappedSentences.contains(units.get(u).sentenceIndex())) {
        swappedUnits.add(u);
      } else if (leaningSentences.contains(units.get(u).sentenceIndex())) {
        leaningUnits.add(u);
      }
    }
    return new Result(dedupe(hits), swappedUnits, unitSubjects, leaningUnits);
  }

  /**
   * Whether the run's words, in their order, line up with a claim the bank makes of its own subject
   * better than with the other sibling's claim, where the two claims mirror each other (share most
   * of their words: "sits in front of clients ... so servers see the proxy" and "sits in front of
   * servers ... so clients see the proxy"). There the sentence model and shared words cannot tell
   * them apart (a correct "a forward proxy sits in front of clients and sends their requests out"
   * read as the reverse proxy's); the order of the words can. A swap needs both to agree.
   */
  private static boolean inOwnOrder(RubricVectors rv, String run, int own, int otherClaim) {
    List<String> words = ExchangeCheck.words(rv.lexicon, run);
    double otherAligned = aligned(words, rv.claimWords.get(otherClaim));
    for (int c = 0; c < rv.siblings.claims.size(); c++) {
      if (rv.siblings.claims.get(c).subject() == own
          && dice(rv.claimTerms.get(c), rv.claimTerms.get(otherClaim)) >= MIRRORED
          && aligned(words, rv.claimWords.get(c)) > otherAligned) {
        return true;
      }
    }
    return false;
  }

  /**
   * The sibling whose own words the run says: at least {@value #OWN_WORDS} terms that the bank uses
   * of that sibling and never of the run's subject, and at most half as many the other way round
   * (the question's words and the siblings' names count for neither). Null when there is none.
   */
  private static Leaning leaningByWords(
      RubricVectors rv, int segment, int own, Set<String> runWords, Set<Integer> namedInRun) {
    Siblings siblings = rv.siblings;
    Set<String> ownWords = rv.subjectStems.get(own);
    Leaning best = null;
    int bestLead = 0;
    for (int t = 0; t < siblings.subjects.size(); t++) {
      if (t == own || namedInRun.contains(t)) {
        continue;
      }
      Set<String> otherWords = rv.subjectStems.get(t);
      int forOwn = 0;
      int forOther = 0;
      for (String word : runWords) {
        if (rv.neutralStems.contains(word)) {
          continue;
        }
        boolean o = ownWords.contains(word);
        boolean x = otherWords.contains(word);
        if (o && !x) {
          forOwn++;
        } else if (x && !o) {
          forOther++;
        }
      }
      if (forOther >= OWN_WORDS && forOther >= 2 * forOwn && forOther - forOwn > bestLead) {
        int claim = -1;
        double claimWords = -1;
        for (int c = 0; c < siblings.claims.size(); c++) {
          double d = dice(runWords, rv.claimStems.get(c));
          if (siblings.claims.get(c).subject() == t && d > claimWords) {
            claimWords = d;
            claim = c;
          }
        }
        bestLead = forOther - forOwn;
        best = new Leaning(segment, own, t, claim, 0, 0);
      }
    }
    return best;
  }

  /**
   * How many of another sibling's own words make a run lean to it (see {@link #leaningByWords}).
   */
  static final int OWN_WORDS = 2;

  /**
   * Stems of every word but grammar words, as written: "every", "only" and "copy" tell a queue from
   * a topic, though the rubric's terms fold or drop them.
   */
  static Set<String> wordsOf(String text) {
    Set<String> out = new HashSet<>();
    for (String t : Lexicon.tokens(text)) {
      if (!Lexicon.GRAMMAR_WORDS.contains(t)) {
        out.add(Lexicon.stem(t));
      }
    }
    return out;
  }

  /** Words of both said in the same order, over the words of both. */
  private static double aligned(List<String> a, List<String> b) {
    return a.isEmpty() || b.isEmpty() ? 0 : 2.0 * ExchangeCheck.lcs(a, b) / (a.size() + b.size());
  }

  /**
   * Sentences that say a key point with two sibling names exchanged (see {@link ExchangeCheck}):
   * named as a swap, and their units earn no credit.
   */
  private static void exchanges(
      RubricVectors rv,
      List<String> sentences,
      List<Integer> sentenceIndex,
      List<MisconceptionHit> hits,
      Set<Integer> swappedSentences) {
    List<String> keyPoints = rv.points.stream().map(p -> p.keyPoint().text()).toList();
    List<String> read = sentences.stream().map(rv.canon::canonical).toList();
    for (ExchangeCheck.Exchange e : ExchangeCheck.find(rv.siblings, rv.lexicon, keyPoints, read)) {
      String first = rv.siblings.subjects.get(e.first()).name();
      String second = rv.siblings.subjects.get(e.second()).name();
      LOG.debug(
          "exchange check: '{}' with {} and {} exchanged",
          sentences.get(e.sentence()),
          first,
          second);
      String said = "You have " + first + " and " + second + " the wrong way round: ";
      hits.add(swapHit(e, said + keyPoints.get(e.keyPoint()), first, second, sentences));
      swappedSentences.add(sentenceIndex.get(e.sentence()));
    }
    for (ExchangeCheck.Exchange e :
        ExchangeCheck.substitutions(
            rv.siblings,
            rv.lexicon,
            keyPoints,
            read,
            (sentence, subject) -> denies(rv, sentence, subject))) {
      if (swappedSentences.contains(sentenceIndex.get(e.sentence()))) {
        continue;
      }
      String put = rv.siblings.subjects.get(e.first()).name();
      String replaced = rv.siblings.subjects.get(e.second()).name();
      LOG.debug(
          "substitution check: '{}' says of {} what is {}'s",
          sentences.get(e.sentence()),
          put,
          replaced);
      String said = "What you said about " + put + " is true of " + replaced + ": ";
      hits.add(swapHit(e, said + keyPoints.get(e.keyPoint()), put, replaced, sentences));
      swappedSentences.add(sentenceIndex.get(e.sentence()));
    }
  }

  /** Whether the question's title compares the two subjects ("User Space and Kernel Space"). */
  private static boolean comparedByTitle(RubricVectors rv, int a, int b) {
    Siblings siblings = rv.siblings;
    return rv.comparedInTitle.stream().anyMatch(n -> siblings.subjectNamed(n) == a)
        && rv.comparedInTitle.stream().anyMatch(n -> siblings.subjectNamed(n) == b);
  }

  /** Whether the sentence says the opposite of something the bank says of {@code subject}. */
  private static boolean denies(RubricVectors rv, String sentence, int subject) {
    return rv.siblings.claims.stream()
        .anyMatch(
            c ->
                c.subject() == subject
                    && Polarity.conflict(
                        sentence, Siblings.forComparison(c.text()), rv.lexicon::term));
  }

  private static MisconceptionHit swapHit(
      ExchangeCheck.Exchange e, String text, String a, String b, List<String> sentences) {
    return new MisconceptionHit(
        "swap-" + e.first() + "-" + e.second(),
        text,
        a + " and " + b + " are different things; check which one does what",
        sentences.get(e.sentence()));
  }

  private static Set<Integer> unitsOf(List<Unit> units, Set<Integer> sentences) {
    Set<Integer> out = new HashSet<>();
    for (int u = 0; u < units.size(); u++) {
      if (sentences.contains(units.get(u).sentenceIndex())) {
        out.add(u);
      }
    }
    return out;
  }

  /**
   * A run whose claim fits another sibling ({@code other}) better than its own subject, by {@code
   * margin}.
   */
  private record Leaning(
      int segment, int own, int other, int otherClaim, double margin, double otherCos) {}

  private static MisconceptionHit swap(RubricVectors rv, Leaning l, String sentence) {
    Siblings siblings = rv.siblings;
    String named = siblings.subjects.get(l.own()).name();
    String actual = siblings.subjects.get(l.other()).name();
    return new MisconceptionHit(
        "swap-" + l.own() + "-" + l.other(),
        "What you said about "
            + named
            + " is true of "
            + actual
            + ": "
            + rv.points.get(siblings.claims.get(l.otherClaim()).keyPoint()).keyPoint().text(),
        named + " and " + actual + " are different things; check which one does what",
        sentence);
  }

  /**
   * Shared terms over the terms of both (Dice): the bank's own words, with its synonyms folded,
   * back the model.
   */
  private static double dice(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    long shared = a.stream().filter(b::contains).count();
    return 2.0 * shared / (a.size() + b.size());
  }

  private static List<MisconceptionHit> dedupe(List<MisconceptionHit> hits) {
    List<MisconceptionHit> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (MisconceptionHit h : hits) {
      if (seen.add(h.misconceptionId())) {
        out.add(h);
      }
    }
    return out;
  }
}
