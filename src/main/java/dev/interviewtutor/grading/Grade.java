package dev.interviewtutor.grading;

import java.util.List;

/**
 * The result of grading one answer. Deterministic: the same grader, rubric and answer give an equal
 * grade.
 *
 * @param questionId the question graded
 * @param score 0–100
 * @param verdict the overall judgement
 * @param keyPoints one result per rubric key point, in rubric order
 * @param misconceptions misconceptions the answer states
 * @param feedback a few sentences addressed to the learner
 * @param tip the question's interview tip, may be empty
 * @param grader which grader produced it ("offline", "llm:openai/gpt-4o-mini", "hybrid")
 * @param notes visible remarks such as "graded offline: the LLM timed out" or a disagreement flag
 */
public record Grade(
    String questionId,
    int score,
    Verdict verdict,
    List<KeyPointResult> keyPoints,
    List<MisconceptionHit> misconceptions,
    String feedback,
    String tip,
    String grader,
    List<String> notes) {

  public Grade {
    keyPoints = List.copyOf(keyPoints);
    misconceptions = List.copyOf(misconceptions);
    notes = List.copyOf(notes);
    if (score < 0 || score > 100) {
      throw new IllegalArgumentException("score out of range: " + score);
    }
  }

  public List<KeyPointResult> covered() {
    return keyPoints.stream().filter(k -> k.coverage() != Coverage.MISSED).toList();
  }

  /**
   * The key points the grader could not decide with confidence (see {@link
   * KeyPointResult#unsure()}).
   */
  public List<KeyPointResult> unsure() {
    return keyPoints.stream().filter(KeyPointResult::unsure).toList();
  }

  public List<KeyPointResult> missed() {
    return keyPoints.stream().filter(k -> k.coverage() == Coverage.MISSED).toList();
  }
}
