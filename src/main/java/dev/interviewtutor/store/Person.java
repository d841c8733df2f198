package dev.interviewtutor.store;

import java.time.ZoneId;

/**
 * Someone who answers questions.
 *
 * @param id database id
 * @param key stable identity: {@code discord:<user id>} or {@code local:<os user>}
 * @param displayName name shown on leaderboards (never a mention)
 * @param zone the person's time zone; days, streaks and review due dates are local to it
 */
public record Person(long id, String key, String displayName, ZoneId zone) {
  /** The key of a Discord user. */
  public static String discordKey(long userId) {
    return "discord:" + Long.toUnsignedString(userId);
  }

  /** The key of a local (terminal) profile. */
  public static String localKey(String osUser) {
    return "local:" + osUser;
  }
}
