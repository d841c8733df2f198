package dev.interviewtutor.store;

/**
 * A person's streak of local days with at least one graded answer, as of {@code lastDay} (ISO
 * date).
 */
public record StreakRow(long personId, int current, int best, String lastDay) {}
