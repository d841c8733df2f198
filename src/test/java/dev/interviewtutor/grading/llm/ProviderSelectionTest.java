package dev.interviewtutor.grading.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interviewtutor.UserFacingException;
import dev.interviewtutor.config.ConfigException;
import dev.interviewtutor.config.TutorConfig;
import dev.interviewtutor.grading.Grader;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which grader and chat model the configuration gives; keys never printed. */
class ProviderSelectionTest {
  private final Grader offline = Fixtures.keywordGrader();

  @Test
  void should_use_the_offline_grader_only_when_no_provider_is_configured() {
    TutorConfig none = TutorConfig.fromEnvironment(Map.of());
    assertTrue(ChatModelFactory.create(none).isEmpty());
    assertSame(offline, LlmServices.graderFor(none, "auto", () -> offline));
    assertSame(offline, LlmServices.graderFor(none, "offline", () -> offline));
    UserFacingException e =
        assertThrows(
            UserFacingException.class, () -> LlmServices.graderFor(none, "hybrid", () -> offline));
    assertTrue(e.getMessage().contains("TUTOR_LLM_PROVIDER"), e.getMessage());
    assertThrows(
        UserFacingException.class, () -> LlmServices.graderFor(none, "magic", () -> offline));
  }

  @Test
  void should_build_each_provider_with_its_model_and_label() {
    Map<String, String> expected =
        Map.of(
            "openai",
            "openai/test-model",
            "ollama",
            "ollama/test-model",
            "anthropic",
            "anthropic/test-model",
            "gemini",
            "gemini/test-model");
    expected.forEach(
        (provider, label) -> {
          LlmEndpoint endpoint =
              ChatModelFactory.create(
                      Fixtures.config(provider, "http://127.0.0.1:9/", Duration.ofSeconds(5), 10))
                  .orElseThrow();
          assertEquals(label, endpoint.label());
        });
  }

  @Test
  void should_pick_the_grader_kind_asked_for() {
    TutorConfig config =
        Fixtures.config("openai", "http://127.0.0.1:9/v1", Duration.ofSeconds(5), 10);
    assertInstanceOf(LlmGrader.class, LlmServices.graderFor(config, "llm", () -> offline));
    Grader hybrid = LlmServices.graderFor(config, "hybrid", () -> offline);
    assertEquals("hybrid", hybrid.name());
    assertEquals("hybrid", LlmServices.graderFor(config, "auto", () -> offline).name());
  }

  @Test
  void should_demand_the_key_of_a_hosted_provider_naming_the_variable() {
    ConfigException openai =
        assertThrows(
            ConfigException.class,
            () ->
                ChatModelFactory.create(
                    TutorConfig.fromEnvironment(Map.of("TUTOR_LLM_PROVIDER", "openai"))));
    assertTrue(openai.getMessage().contains("OPENAI_API_KEY"), openai.getMessage());
    ConfigException anthropic =
        assertThrows(
            ConfigException.class,
            () ->
                ChatModelFactory.create(
                    TutorConfig.fromEnvironment(Map.of("TUTOR_LLM_PROVIDER", "anthropic"))));
    assertTrue(anthropic.getMessage().contains("ANTHROPIC_API_KEY"), anthropic.getMessage());
    ConfigException gemini =
        assertThrows(
            ConfigException.class,
            () ->
                ChatModelFactory.create(
                    TutorConfig.fromEnvironment(Map.of("TUTOR_LLM_PROVIDER", "gemini"))));
    assertTrue(gemini.getMessage().contains("GEMINI_API_KEY"), gemini.getMessage());
  }

  @Test
  void should_accept_a_keyless_local_openai_compatible_server() {
    TutorConfig local =
        TutorConfig.fromEnvironment(
            Map.of(
                "TUTOR_LLM_PROVIDER",
                "openai",
                "TUTOR_LLM_BASE_URL",
                "http://127.0.0.1:8080/v1",
                "TUTOR_LLM_MODEL",
                "qwen2.5-7b-instruct"));
    assertEquals(
        "openai/qwen2.5-7b-instruct", ChatModelFactory.create(local).orElseThrow().label());
  }

  @Test
  void should_never_print_the_key() {
    TutorConfig config =
        Fixtures.config("openai", "http://127.0.0.1:9/v1", Duration.ofSeconds(5), 10);
    assertFalse(config.toString().contains("sk-test-secret-123"));
  }

  @Test
  void should_find_quotes_despite_case_spacing_and_typography() {
    String answer = "It’s a  single\nthread — with an Event Loop. Workers handle CPU work.";
    assertTrue(Quotes.isIn("it's a single thread - with an event loop", answer));
    assertTrue(Quotes.isIn("\"single thread ... event loop.\"", answer));
    assertFalse(Quotes.isIn("multi thread with an event loop", answer));
    assertFalse(Quotes.isIn("the", answer), "too short to prove anything");
    assertFalse(Quotes.isIn("", answer));
  }

  @Test
  void should_spend_the_budget_per_scope_and_day() {
    var clock =
        new java.util.concurrent.atomic.AtomicReference<>(
            java.time.Instant.parse("2025-01-01T23:00:00Z"));
    java.time.Clock c =
        new java.time.Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
          }

          @Override
          public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public java.time.Instant instant() {
            return clock.get();
          }
        };
    DailyCallBudget budget = new DailyCallBudget(2, c);
    assertTrue(budget.tryAcquire("a"));
    assertTrue(budget.tryAcquire("a"));
    assertFalse(budget.tryAcquire("a"));
    assertTrue(budget.tryAcquire("b"));
    clock.set(java.time.Instant.parse("2025-01-02T00:00:01Z"));
    assertEquals(2, budget.remaining("a"));
    assertTrue(budget.tryAcquire("a"));
  }

  @Test
  void should_wire_one_llm_for_grades_and_follow_ups_or_none() {
    TutorGrading none =
        TutorGrading.fromConfig(
            TutorConfig.fromEnvironment(Map.of()), () -> offline, java.util.Optional.empty());
    assertSame(offline, none.grader());
    assertTrue(none.llm().isEmpty());
    assertFalse(
        none.followUps().enabled(), "no LLM, no follow-ups: the offline tutor is unchanged");

    TutorGrading llm =
        TutorGrading.fromConfig(
            Fixtures.config("ollama", "http://127.0.0.1:9/", Duration.ofSeconds(5), 10),
            () -> offline,
            java.util.Optional.empty());
    assertEquals("hybrid", llm.grader().name());
    assertTrue(llm.llm().isPresent());
    assertTrue(llm.followUps().enabled(), "TUTOR_LLM_FOLLOW_UPS defaults to true");
  }
}
