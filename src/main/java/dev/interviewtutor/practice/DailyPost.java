package dev.interviewtutor.practice;

import dev.interviewtutor.knowledge.Question;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A daily question claimed for a server.
 *
 * @param id the post id (put it in component ids)
 * @param scopeId the server's scope
 * @param scheduledFor the server-local date of a scheduled post; empty for {@code /daily now}
 * @param delivered whether the front-end confirmed the message was sent ({@link
 *     DailyQuiz#delivered})
 * @param messageId the message, once delivered
 * @param revealed whether the group result was revealed (answers are closed then)
 */
public record DailyPost(
    long id,
    long scopeId,
    Question question,
    Optional<LocalDate> scheduledFor,
    Instant claimedAt,
    boolean delivered,
    Optional<String> messageId,
    boolean revealed) {}
