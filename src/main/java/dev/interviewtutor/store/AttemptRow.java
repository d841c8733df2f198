package dev.interviewtutor.store;

import dev.interviewtutor.grading.Verdict;

/**
 * One graded answer as stored.
 *
 * @param keyPointsJson per-key-point results, JSON (see {@code KeyPointJson} in practice); empty in
 *     summaries
 * @param answer the answer text; empty in summaries
 * @param counted whether this answer earned the question's points for its local day
 * @param verdict stored as the enum's name ({@code PARTIALLY_CORRECT}), never its display label
 */
public record AttemptRow(
    long id,
    long personId,
    long scopeId,
    String questionId,
    String topic,
    AttemptKind kind,
    String answer,
    int score,
    Verdict verdict,
    String keyPointsJson,
    String grader,
    int hints,
    long answeredAt,
    String localDay,
    boolean counted,
    int points) {}
