package dev.interviewtutor.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TutorConfigTest {

  @Test
  void should_use_documented_defaults_with_an_empty_environment() {
    TutorConfig config = TutorConfig.defaults();
    assertEquals(Path.of("data/tutor.db"), config.db().file());
    assertEquals(Path.of("knowledge"), config.knowledgeDir());
    assertEquals(Path.of("prompts"), config.promptsDir());
    assertEquals("none", config.llmProvider());
    assertFalse(config.llmConfigured());
    assertFalse(config.discordConfigured());
    assertEquals(Duration.ofSeconds(20), config.llmTimeout());
    assertEquals(6, config.answersPerMinute());
  }

  @Test
  void should_read_every_setting_from_the_environment() {
    TutorConfig config =
        TutorConfig.fromEnvironment(
            Map.of(
                "TUTOR_DB", "/data/t.db",
                "TUTOR_LLM_PROVIDER", "OpenAI",
                "OPENAI_API_KEY", "sk-secret",
                "TUTOR_LLM_BASE_URL", "http://127.0.0.1:9999/v1",
                "DISCORD_TOKEN", "abc.def",
                "DISCORD_GUILD_ID", "123456789012345678",
                "TUTOR_ANSWERS_PER_MINUTE", "3"));
    assertEquals(Path.of("/data/t.db"), config.db().file());
    assertEquals("openai", config.llmProvider());
    assertEquals("sk-secret", config.llmApiKey());
    assertEquals("127.0.0.1", config.llmBaseUrl().orElseThrow().getHost());
    assertTrue(config.discordConfigured());
    assertEquals(Optional.of(123456789012345678L), config.discordGuildId());
    assertEquals(3, config.answersPerMinute());
  }

  @Test
  void should_name_the_setting_when_a_value_is_bad() {
    ConfigException provider =
        assertThrows(
            ConfigException.class,
            () -> TutorConfig.fromEnvironment(Map.of("TUTOR_LLM_PROVIDER", "skynet")));
    assertTrue(provider.getMessage().contains("TUTOR_LLM_PROVIDER"), provider.getMessage());
    ConfigException number =
        assertThrows(
            ConfigException.class,
            () -> TutorConfig.fromEnvironment(Map.of("TUTOR_ANSWERS_PER_MINUTE", "-2")));
    assertTrue(number.getMessage().contains("TUTOR_ANSWERS_PER_MINUTE"), number.getMessage());
    ConfigException guild =
        assertThrows(
            ConfigException.class,
            () -> TutorConfig.fromEnvironment(Map.of("DISCORD_GUILD_ID", "my-server")));
    assertTrue(guild.getMessage().contains("DISCORD_GUILD_ID"), guild.getMessage());
    ConfigException url =
        assertThrows(
            ConfigException.class,
            () -> TutorConfig.fromEnvironment(Map.of("DISCORD_REST_URL", "not a url")));
    assertTrue(url.getMessage().contains("DISCORD_REST_URL"), url.getMessage());
  }

  @Test
  void should_never_print_secrets() {
    TutorConfig config =
        TutorConfig.fromEnvironment(
            Map.of(
                "DISCORD_TOKEN",
                "very-secret-token",
                "TUTOR_LLM_PROVIDER",
                "anthropic",
                "ANTHROPIC_API_KEY",
                "sk-ant-123"));
    String printed = config.toString();
    assertFalse(printed.contains("very-secret-token"), printed);
    assertFalse(printed.contains("sk-ant-123"), printed);
    assertTrue(printed.contains("<set>"), printed);
  }

  @Test
  void should_replace_only_the_given_settings_and_validate_them_like_the_environment() {
    TutorConfig base =
        TutorConfig.fromEnvironment(
            Map.of(
                "TUTOR_LLM_PROVIDER",
                "openai",
                "OPENAI_API_KEY",
                "sk-keep",
                "DISCORD_TOKEN",
                "tok",
                "TUTOR_DB",
                "a.db"));
    TutorConfig changed =
        base.with(
            Map.of(
                "TUTOR_DB", "b.db", "TUTOR_LLM_MODEL", "gpt-x", "DISCORD_MESSAGE_CONTENT", "yes"));
    assertEquals(Path.of("b.db"), changed.db().file());
    assertEquals("gpt-x", changed.llmModel());
    assertTrue(changed.discordMessageContent());
    assertEquals("sk-keep", changed.llmApiKey(), "keys survive an override of other settings");
    assertEquals("tok", changed.discordToken());
    assertEquals(base.knowledgeDir(), changed.knowledgeDir());
    ConfigException bad =
        assertThrows(
            ConfigException.class, () -> base.with(Map.of("TUTOR_LLM_TIMEOUT_SECONDS", "soon")));
    assertTrue(bad.getMessage().contains("TUTOR_LLM_TIMEOUT_SECONDS"), bad.getMessage());
  }
}
