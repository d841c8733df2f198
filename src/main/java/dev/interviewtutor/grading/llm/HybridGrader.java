package dev.interviewtutor.grading.llm;

import dev.interviewtutor.grading.AnswerPolicy;
import dev.interviewtutor.grading.Coverage;
import dev.interviewtutor.grading.Grade;
import dev.interviewtutor.grading.Grader;
import dev.interviewtutor.grading.GradingContext;
import dev.interviewtutor.grading.KeyPointResult;
import dev.interviewtutor.grading.MisconceptionHit;
import dev.interviewtutor.knowledge.Rubric;
import dev.interviewtutor.ops.TutorMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LLM grader with the offline grader as a floor and a second opinion.
 *
 * <ul>
 *   <li>With {@link Routing#UNCERTAIN} (the default), the LLM sees only the answers the offline
 *       grader is unsure of: a key point it could not decide, a mistake it would name, or a score
 *       in the uncertain middle. A sure offline grade (clearly complete, or clearly empty or off
 *       topic) is returned as it is and costs no LLM call.
 *   <li>Otherwise both grade the answer. The final score is 70 % LLM and 30 % offline; when they
 *       disagree by more than {@value #DISAGREEMENT} points it is their even average, and the grade
 *       carries a note saying so.
 *   <li>A key point earns credit only when its quoted evidence is in the answer (checked again
 *       here).
 *   <li>An answer with text addressed to the grader scores at most the offline grade, with a note:
 *       instructions in an answer never change the rubric or the scale.
 *   <li>When the LLM cannot grade (timeout, errors after retries, the scope's daily budget, a bad
 *       reply) the offline grade is returned with {@code grader = "offline"} and a note "graded
 *       offline: ..." that the learner sees. Never silent.
 * </ul>
 */
public final class HybridGrader implements Grader {
  private static final Logger log = LoggerFactory.getLogger(HybridGrader.class);

  /** Score gap between the two graders above which the grade is flagged. */
  public static final int DISAGREEMENT = 35;

  static final double LLM_WEIGHT = 0.7;

  /**
   * An offline score at or above this, with nothing unsure and no mistake named, is a sure
   * "correct".
   */
  static final int SURE_HIGH = 85;

  /** An offline score at or below this is a sure "no" (empty, off topic, restated question). */
  static final int SURE_LOW = 10;

  /** Which answers go to the LLM ({@code TUTOR_LLM_ROUTING}). */
  public enum Routing {
    /** Only those the offline grader is unsure of. */
    UNCERTAIN,
    /** Every answer. */
    ALL;

    public static Routing of(String setting) {
      return "all".equalsIgnoreCase(setting) ? ALL : UNCERTAIN;
    }
  }

  private final Grader offline;
  private final LlmGrader llm;
  private final Routing routing;
  private final TutorMetrics metrics;

  public HybridGrader(Grader offline, LlmGrader llm, Routing routing) {
    this(offline, llm, routing, TutorMetrics.NONE);
  }

  /**
   * As {@link #HybridGrader(Grader, LlmGrader, Routing)}, counting each fall-back to the offline
   * grade.
   */
  public HybridGrader(Grader offline, LlmGrader llm, Routing routing, TutorMetrics metrics) {
    this.offline = offline;
    this.llm = llm;
    this.routing = routing;
    this.metrics = metrics;
  }

  /** Whether the offline grade is sure enough to stand without the LLM. */
  static boolean sure(Grade floor) {
    boolean clean = floor.misconceptions().isEmpty() && floor.unsure().isEmpty();
    return clean && floor.score() >= SURE_HIGH
        || floor.score() <= SURE_LOW && floor.misconceptions().isEmpty();
  }

  @Override
  public void forgetAnswers(java.util.Set<String> answerHashes) {
    offline.forgetAnswers(answerHashes);
    llm.forgetAnswers(answerHashes);
  }

  @Override
  public String name() {
    return "hybrid";
  }

  @Override
  public Grade grade(Rubric rubric, String answer) {
    return grade(rubric, answer, GradingContext.LOCAL);
  }

  @Override
  public Grade grade(Rubric rubric, String answer, GradingContext context) {
    String text = AnswerPolicy.check(answer);
    Grade floor = offline.grade(rubric, text, context);
    if (routing == Routing.UNCERTAIN && sure(floor)) {
      log.debug(
          "question {}: offline grade {} is sure, no LLM call", rubric.questionId(), floor.score());
      return floor;
    }
    Grade byLlm;
    try {
      byLlm = llm.grade(rubric, text, context);
    } catch (LlmUnavailableException e) {
      log.info("question {}: graded offline because {}", rubric.questionId(), e.reason());
      metrics.gradingFellBack(LlmClient.kind(e.failure()));
      return fallback(floor, "graded offline: " + e.reason());
    }
    return combine(rubric, text, floor, byLlm);
  }

  /** The offline grade, visibly marked as such. */
  static Grade fallback(Grade floor, String note) {
    List<String> notes = new ArrayList<>(floor.notes());
    notes.add(note);
    return new Grade(
        floor.questionId(),
        floor.score(),
        floor.verdict(),
        floor.keyPoints(),
        floor.misconceptions(),
        floor.feedback(),
        floor.tip(),
        "offline",
        notes);
  }

  private Grade combine(Rubric rubric, String answer, Grade floor, Grade byLlm) {
    List<String> notes = new ArrayList<>(byLlm.notes());
    List<KeyPointResult> keyPoints = new ArrayList<>();
    for (KeyPointResult r : byLlm.keyPoints()) {
      if (r.coverage() != Coverage.MISSED && !Quotes.isIn(r.evidence(), answer)) {
        keyPoints.add(new KeyPointResult(r.keyPointId(), r.keyPoint(), Coverage.MISSED, ""));
        notes.add(
            "no credit for key point "
                + r.keyPointId()
                + ": the quoted evidence is not in your answer");
      } else {
        keyPoints.add(r);
      }
    }
    Map<String, MisconceptionHit> hits = new LinkedHashMap<>();
    byLlm.misconceptions().forEach(m -> hits.putIfAbsent(m.misconceptionId(), m));
    floor.misconceptions().forEach(m -> hits.putIfAbsent(m.misconceptionId(), m));

    int llmScore =
        Math.min(
            byLlm.score(),
            Verdicts.clamp(
                Verdicts.evidenceScore(rubric, keyPoints, byLlm.misconceptions().size())
                    + Verdicts.CEILING_SLACK));
    int gap = Math.abs(llmScore - floor.score());
    int score;
    if (gap > DISAGREEMENT) {
      score = (int) Math.round((llmScore + floor.score()) / 2.0);
      notes.add(
          "the LLM grader ("
              + llmScore
              + ") and the offline grader ("
              + floor.score()
              + ") disagree by "
              + gap
              + " points; the score is their average, so treat it with care");
    } else {
      score = (int) Math.round(LLM_WEIGHT * llmScore + (1 - LLM_WEIGHT) * floor.score());
    }
    if (InjectionCues.present(answer) && score > floor.score()) {
      score = floor.score();
      notes.add(
          "your answer contains instructions aimed at the grader; they were graded as part of the answer"
              + " and the score is capped at the offline grade ("
              + floor.score()
              + ")");
    }
    score = Verdicts.clamp(score);
    List<MisconceptionHit> misconceptions = List.copyOf(hits.values());
    return new Grade(
        rubric.questionId(),
        score,
        Verdicts.of(score, keyPoints, misconceptions.size()),
        keyPoints,
        misconceptions,
        byLlm.feedback(),
        rubric.tip(),
        "hybrid",
        notes);
  }
}
