package dev.interviewtutor.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An INTERACTION_CREATE the fake sent to the bot.
 *
 * @param id interaction id (a time-based snowflake)
 * @param token interaction token, used by the bot in callback and webhook paths
 * @param payload the full {@code d} object sent
 * @param sentNanos {@link System#nanoTime()} when it was sent
 */
public record SentInteraction(String id, String token, JsonNode payload, long sentNanos) {
  /** Path prefix of this interaction's initial response. */
  public String callbackPath() {
    return "interactions/" + id + "/" + token + "/callback";
  }

  /**
   * Path prefix of the webhook (follow-ups and edits of the original) belonging to this
   * interaction.
   */
  public String webhookPath() {
    return "webhooks/" + FakeDiscord.APP_ID + "/" + token;
  }
}
