package dev.interviewtutor.grading;

import java.util.HashSet;
import java.util.Set;

/**
 * Topic words are not a claim. A clause that sits near a key point in meaning only because it is on
 * the same topic ("edge caching is really a DNS thing ...") must not earn that point: what it says
 * has to be said in the bank's terms, or be a close paraphrase.
 *
 * <p>Two rules, both applied only when the question's rubric says enough to judge by (at least
 * {@value #RICH_RUBRIC_TERMS} content terms; a one-line reference answer leaves most right words
 * unsaid):
 *
 * <ul>
 *   <li>a clause most of whose own terms (those not taken from the question) appear nowhere in the
 *       rubric is about something the bank does not say: it is at most just short of partial
 *       evidence for any point;
 *   <li>a clause that shares none of a point's claim terms counts only as a close paraphrase: its
 *       cosine is read on a stricter scale.
 * </ul>
 *
 * Measured (docs/grading-benchmark.md): on bank-dev, confidently wrong answers on the topic drop
 * and ordering rises; SciEntsBank unseen answers lose 0.009 macro-F1, Mohler
 * leave-one-assignment-out is unchanged.
 */
final class ClaimSupport {
  /** A rubric with fewer content terms than this is too short to judge unsupported words by. */
  static final int RICH_RUBRIC_TERMS = 25;

  /** A clause with less than this share of its own terms in the rubric is unsupported. */
  static final double UNSUPPORTED_SHARE = 0.34;

  /** Fewer own terms than this say too little to call unsupported. */
  static final int MIN_OWN_TERMS = 3;

  /** Cosine range of a paraphrase that shares no claim term with the point. */
  static final double PARAPHRASE_COS_LOW = 0.45;

  static final double PARAPHRASE_COS_HIGH = 0.85;

  private final Set<String> questionTerms;
  private final Set<String> rubricTerms;
  private final boolean judges;

  ClaimSupport(Set<String> questionTerms, Set<String> rubricTerms) {
    this.questionTerms = questionTerms;
    this.rubricTerms = rubricTerms;
    this.judges = rubricTerms.size() >= RICH_RUBRIC_TERMS;
  }

  /** Whether this rubric says enough for the rules to apply. */
  boolean judges() {
    return judges;
  }

  /**
   * Share of the clause's own terms (not the question's) that the rubric uses; 1 when it has too
   * few to tell.
   */
  double support(Set<String> clauseTerms) {
    Set<String> own = new HashSet<>(clauseTerms);
    own.removeAll(questionTerms);
    if (own.size() < MIN_OWN_TERMS) {
      return 1;
    }
    long found = own.stream().filter(rubricTerms::contains).count();
    return (double) found / own.size();
  }

  /**
   * Evidence that a whole clause states a key point.
   *
   * @param evidence the unrestricted evidence (cosine and shared claim terms)
   * @param cos the clause's cosine to the point's claim
   * @param lexical share of the point's claim terms in the clause
   * @param pointTerms how many claim terms the point has
   * @param clauseSupport the clause's {@link #support}, computed once per clause
   */
  double clauseEvidence(
      double evidence, double cos, double lexical, int pointTerms, double clauseSupport) {
    if (!judges) {
      return evidence;
    }
    double out = evidence;
    if (clauseSupport < UNSUPPORTED_SHARE) {
      out = Math.min(out, OfflineGrader.PARTIAL - 0.01);
    }
    if (lexical == 0 && pointTerms >= 2) {
      out = paraphraseOnly(cos);
    }
    return out;
  }

  /** Evidence from a fragment of a clause (a list item, a piece of a run-on sentence). */
  double fragmentEvidence(double evidence, double cos, double lexical, int pointTerms) {
    if (!judges || lexical > 0 || pointTerms < 2) {
      return evidence;
    }
    return paraphraseOnly(cos);
  }

  private static double paraphraseOnly(double cos) {
    return 0.7 * OfflineGrader.scale(cos, PARAPHRASE_COS_LOW, PARAPHRASE_COS_HIGH);
  }
}
