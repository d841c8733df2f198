package dev.interviewtutor.store;

/**
 * SM-2 state of one question for one person.
 *
 * @param dueDay local ISO date in the person's zone on which the question is due again
 * @param lastScore score (0–100) of the latest graded answer
 * @param reviewedAt epoch millis of the latest graded answer
 */
public record ReviewState(
    long personId,
    String questionId,
    int repetitions,
    int intervalDays,
    double ease,
    String dueDay,
    int lastScore,
    long reviewedAt) {}
