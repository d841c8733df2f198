package dev.interviewtutor.config;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Which gateway shards this process runs: {@code DISCORD_SHARDS_TOTAL} (how many shards the bot has
 * in all) and {@code DISCORD_SHARDS} (the ones this process holds, {@code 3} or a range {@code
 * 0-3}). With neither set, one process runs every shard, as many as Discord recommends ({@link
 * #total()} is 0 then).
 *
 * @param total the bot's shard count, 0 for "as many as Discord recommends, all in this process"
 * @param first the first shard this process holds
 * @param last the last shard this process holds (inclusive)
 */
public record DiscordShards(int total, int first, int last) {
  /** Every shard in this process, as many as Discord recommends. */
  public static final DiscordShards ALL = new DiscordShards(0, 0, 0);

  public DiscordShards {
    if (total < 0 || first < 0 || last < first || (total > 0 && last >= total)) {
      throw new IllegalArgumentException("shards " + first + "-" + last + " of " + total);
    }
  }

  /**
   * Whether the operator chose the shards (otherwise Discord's recommendation, all in this
   * process).
   */
  public boolean chosen() {
    return total > 0;
  }

  /** The shard ids this process holds (only when {@link #chosen()}). */
  public List<Integer> ids() {
    return chosen() ? IntStream.rangeClosed(first, last).boxed().toList() : List.of();
  }

  /** {@code DISCORD_SHARDS}'s form: {@code 2} or {@code 0-3}; empty when not chosen. */
  public String range() {
    if (!chosen()) {
      return "";
    }
    return first == last ? Integer.toString(first) : first + "-" + last;
  }

  /** For logs: {@code shards 0-3 of 8}, or {@code all shards}. */
  public String describe() {
    return chosen()
        ? (first == last ? "shard " : "shards ") + range() + " of " + total
        : "all shards";
  }

  /** Reads both settings; a bad value throws naming the setting and what to write instead. */
  static DiscordShards fromEnvironment(Map<String, String> env) {
    String totalRaw = value(env, "DISCORD_SHARDS_TOTAL");
    String rangeRaw = value(env, "DISCORD_SHARDS");
    if (totalRaw.isEmpty()) {
      if (!rangeRaw.isEmpty()) {
        throw new ConfigException(
            "DISCORD_SHARDS='"
                + rangeRaw
                + "' needs DISCORD_SHARDS_TOTAL (the bot's shard "
                + "count across all processes); set both, or neither to run every shard in this process");
      }
      return ALL;
    }
    int total;
    try {
      total = Integer.parseInt(totalRaw);
    } catch (NumberFormatException e) {
      total = -1;
    }
    if (total <= 0) {
      throw new ConfigException(
          "DISCORD_SHARDS_TOTAL='"
              + totalRaw
              + "' must be a positive whole number (the "
              + "bot's shard count across all processes)");
    }
    if (rangeRaw.isEmpty()) {
      return new DiscordShards(total, 0, total - 1);
    }
    String[] parts = rangeRaw.split("-", -1);
    int first;
    int last;
    try {
      if (parts.length > 2) {
        throw new NumberFormatException();
      }
      first = Integer.parseInt(parts[0].strip());
      last = parts.length == 2 ? Integer.parseInt(parts[1].strip()) : first;
    } catch (NumberFormatException e) {
      throw new ConfigException(
          "DISCORD_SHARDS='" + rangeRaw + "' must be a shard id or a range such as 0-3");
    }
    if (first < 0 || last < first || last >= total) {
      throw new ConfigException(
          "DISCORD_SHARDS='"
              + rangeRaw
              + "' must lie within 0-"
              + (total - 1)
              + " (DISCORD_SHARDS_TOTAL="
              + total
              + "), first shard before last");
    }
    return new DiscordShards(total, first, last);
  }

  private static String value(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null ? "" : v.strip();
  }
}
