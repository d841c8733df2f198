package dev.interviewtutor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interviewtutor.config.TutorConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every setting of the environment can also be given as an option, validated the same way. */
class GlobalOptionsTest {

  @Test
  void options_should_override_the_environment() {
    TutorCommand root = new TutorCommand(TutorConfig.fromEnvironment(Map.of("TUTOR_DB", "env.db")));
    new CommandLine(root)
        .parseArgs(
            "--db",
            "opt.db",
            "--llm-provider",
            "ollama",
            "--llm-base-url",
            "http://127.0.0.1:11434",
            "--llm-daily-budget",
            "7",
            "--discord-guild-id",
            "42",
            "--discord-message-content",
            "true",
            "--answers-per-minute",
            "2",
            "--discord-shards-total",
            "4",
            "--discord-shards",
            "2-3");
    TutorConfig config = root.config();
    assertEquals(Path.of("opt.db"), config.db().file());
    assertEquals("ollama", config.llmProvider());
    assertEquals(Optional.of(URI.create("http://127.0.0.1:11434")), config.llmBaseUrl());
    assertEquals(7, config.llmDailyBudget());
    assertEquals(Optional.of(42L), config.discordGuildId());
    assertTrue(config.discordMessageContent());
    assertEquals(2, config.answersPerMinute());
    assertEquals("shards 2-3 of 4", config.discordShards().describe());
  }

  @Test
  void http_options_should_override_the_environment() {
    TutorCommand root =
        new TutorCommand(TutorConfig.fromEnvironment(Map.of("TUTOR_HTTP_PORT", "9000")));
    new CommandLine(root).parseArgs("--http-port", "9464", "--http-host", "0.0.0.0");
    assertEquals(new dev.interviewtutor.config.HttpEndpoint("0.0.0.0", 9464), root.config().http());
  }

  @Test
  void a_bad_http_port_option_should_name_the_setting_and_exit_2() {
    CliRun r = CliRun.of(TutorConfig.defaults(), "--http-port", "eighty", "bank", "list");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("TUTOR_HTTP_PORT='eighty'"), r.err());
  }

  @Test
  void a_bad_option_value_should_name_the_setting_and_exit_2() {
    CliRun r = CliRun.of(TutorConfig.defaults(), "--llm-provider", "skynet", "bank", "list");
    assertEquals(2, r.code());
    String printed = r.err();
    assertTrue(printed.contains("TUTOR_LLM_PROVIDER='skynet'"), printed);
  }

  @Test
  void a_bad_shard_range_should_name_the_setting_and_exit_2() {
    CliRun r =
        CliRun.of(
            TutorConfig.defaults(),
            "--discord-shards-total",
            "2",
            "--discord-shards",
            "1-2",
            "bank",
            "list");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("DISCORD_SHARDS='1-2'"), r.err());
  }
}
