package dev.interviewtutor.store;

import java.time.LocalTime;
import java.time.ZoneId;

/** Stored state of the daily question. */
public final class DailyRows {
  private DailyRows() {}

  /**
   * A server's daily-question settings.
   *
   * @param channelId where to post (a Discord channel id)
   * @param localTime posting time in {@code zone}
   * @param enabled false after {@code /daily off}
   * @param paused true after a delivery failure, until set up or resumed again
   * @param pauseReason why it paused (shown to whoever set it up)
   * @param setUpBy person id of who set it up; null if they asked to be forgotten
   * @param activeFrom epoch millis; no scheduled post is due before this instant
   */
  public record Settings(
      long scopeId,
      String channelId,
      LocalTime localTime,
      ZoneId zone,
      boolean enabled,
      boolean paused,
      String pauseReason,
      Long setUpBy,
      long activeFrom) {}

  /**
   * A question claimed for posting. {@code postedAt} is null until the front-end confirmed
   * delivery.
   *
   * @param scheduledFor the local date of a scheduled post, null for a manual one ({@code /daily
   *     now})
   */
  public record Post(
      long id,
      long scopeId,
      String questionId,
      String scheduledFor,
      long claimedAt,
      Long postedAt,
      String messageId,
      Long revealedAt) {}

  /** One person's sealed answer to a post, with the attempt it recorded. */
  public record Answer(long postId, Person person, boolean share, AttemptRow attempt) {}
}
