package dev.interviewtutor.practice;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A scheduled daily post that should be sent now: pass it to {@link DailyQuiz#claim}.
 *
 * @param date the server-local date it is for
 * @param scheduledAt the instant it was due (the local time on that date, resolved across DST)
 */
public record DuePost(DailySettings settings, LocalDate date, Instant scheduledAt) {}
