package dev.interviewtutor.practice;

import dev.interviewtutor.store.Scope;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A server's daily-question settings.
 *
 * @param channelId where to post
 * @param time local posting time in {@code zone}
 * @param enabled false after {@code /daily off}
 * @param paused true after a delivery failure until {@link DailyQuiz#resume} or a new setup
 * @param pauseReason why it paused, empty when running
 * @param setUpBy key of who set it up ({@code discord:<id>}), to tell them about a pause
 */
public record DailySettings(
    Scope scope,
    String channelId,
    LocalTime time,
    ZoneId zone,
    boolean enabled,
    boolean paused,
    String pauseReason,
    Optional<String> setUpBy) {}
