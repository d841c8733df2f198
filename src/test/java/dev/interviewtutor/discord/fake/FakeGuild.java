package dev.interviewtutor.discord.fake;

/**
 * A server of the fake Discord: its id (which decides its gateway shard, {@code (id >> 22) %
 * total}), name, one text channel, one voice channel and a Moderators role (Administrator and
 * Manage Server).
 */
public record FakeGuild(
    long id, String name, long textChannelId, long voiceChannelId, long adminRoleId) {
  /** The server every fake starts with. */
  public static final FakeGuild MAIN =
      new FakeGuild(
          FakeDiscord.GUILD_ID,
          "Fake Study Group",
          FakeDiscord.TEXT_CHANNEL_ID,
          FakeDiscord.VOICE_CHANNEL_ID,
          FakeDiscord.ADMIN_ROLE_ID);

  /** The second server of {@link FakeDiscord#startWithTwoServers}. */
  public static final FakeGuild OTHER =
      new FakeGuild(
          FakeDiscord.OTHER_GUILD_ID,
          "Second Study Group",
          FakeDiscord.OTHER_TEXT_CHANNEL_ID,
          FakeDiscord.OTHER_VOICE_CHANNEL_ID,
          FakeDiscord.OTHER_ADMIN_ROLE_ID);

  /** The shard that holds this server when the bot has {@code total} shards. */
  public int shard(int total) {
    return (int) ((id >>> 22) % total);
  }

  /**
   * The {@code n}th test server on {@code shard} of {@code total} (a different id for each n), with
   * channels and a role of its own.
   */
  public static FakeGuild onShard(int shard, int total, int n) {
    long base = (FakeDiscord.GUILD_ID >>> 22) + 1000L + (long) n * total;
    long timestamp = base - Math.floorMod(base, total) + shard;
    long id = (timestamp << 22) | 16;
    return new FakeGuild(id, "Study Group " + shard + "." + n, id + 1, id + 2, id + 3);
  }

  public String idString() {
    return Long.toString(id);
  }
}
