package dev.interviewtutor.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DISCORD_SHARDS_TOTAL and DISCORD_SHARDS: which gateway shards this process runs; bad values name
 * the setting.
 */
class DiscordShardsTest {

  private static DiscordShards read(Map<String, String> env) {
    return TutorConfig.fromEnvironment(env).discordShards();
  }

  @Test
  void unset_runs_every_shard_in_this_process() {
    DiscordShards shards = read(Map.of());
    assertFalse(shards.chosen());
    assertEquals("all shards", shards.describe());
  }

  @Test
  void a_total_alone_runs_all_of_them_here_and_a_range_runs_part() {
    assertEquals(List.of(0, 1, 2, 3), read(Map.of("DISCORD_SHARDS_TOTAL", "4")).ids());
    assertEquals(
        List.of(2, 3), read(Map.of("DISCORD_SHARDS_TOTAL", "4", "DISCORD_SHARDS", "2-3")).ids());
    DiscordShards one = read(Map.of("DISCORD_SHARDS_TOTAL", "2", "DISCORD_SHARDS", "1"));
    assertEquals(List.of(1), one.ids());
    assertEquals("shard 1 of 2", one.describe());
  }

  @Test
  void bad_values_name_the_setting_and_say_what_fits() {
    String noTotal =
        assertThrows(ConfigException.class, () -> read(Map.of("DISCORD_SHARDS", "0-3")))
            .getMessage();
    assertTrue(
        noTotal.contains("DISCORD_SHARDS='0-3'") && noTotal.contains("DISCORD_SHARDS_TOTAL"),
        noTotal);
    String zero =
        assertThrows(ConfigException.class, () -> read(Map.of("DISCORD_SHARDS_TOTAL", "0")))
            .getMessage();
    assertTrue(zero.contains("DISCORD_SHARDS_TOTAL='0'") && zero.contains("positive"), zero);
    String words =
        assertThrows(ConfigException.class, () -> read(Map.of("DISCORD_SHARDS_TOTAL", "four")))
            .getMessage();
    assertTrue(words.contains("DISCORD_SHARDS_TOTAL='four'"), words);
    String outside =
        assertThrows(
                ConfigException.class,
                () -> read(Map.of("DISCORD_SHARDS_TOTAL", "4", "DISCORD_SHARDS", "2-4")))
            .getMessage();
    assertTrue(outside.contains("DISCORD_SHARDS='2-4'") && outside.contains("0-3"), outside);
    String backwards =
        assertThrows(
                ConfigException.class,
                () -> read(Map.of("DISCORD_SHARDS_TOTAL", "4", "DISCORD_SHARDS", "3-1")))
            .getMessage();
    assertTrue(backwards.contains("DISCORD_SHARDS='3-1'"), backwards);
    String garbled =
        assertThrows(
                ConfigException.class,
                () -> read(Map.of("DISCORD_SHARDS_TOTAL", "4", "DISCORD_SHARDS", "0-1-2")))
            .getMessage();
    assertTrue(
        garbled.contains("DISCORD_SHARDS='0-1-2'") && garbled.contains("range such as 0-3"),
        garbled);
  }

  @Test
  void other_settings_changed_later_keep_the_shards() {
    TutorConfig config =
        TutorConfig.fromEnvironment(Map.of("DISCORD_SHARDS_TOTAL", "8", "DISCORD_SHARDS", "4-7"));
    DiscordShards kept = config.with(Map.of("TUTOR_ANSWERS_PER_MINUTE", "3")).discordShards();
    assertEquals(List.of(4, 5, 6, 7), kept.ids());
    assertEquals(8, kept.total());
    assertEquals(
        List.of(0, 1),
        config
            .with(Map.of("DISCORD_SHARDS_TOTAL", "2", "DISCORD_SHARDS", "0-1"))
            .discordShards()
            .ids(),
        "both changed together");
  }
}
