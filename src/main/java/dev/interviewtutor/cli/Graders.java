package dev.interviewtutor.cli;

import dev.interviewtutor.config.TutorConfig;
import dev.interviewtutor.grading.Grader;
import dev.interviewtutor.grading.OfflineGrader;
import dev.interviewtutor.grading.llm.LlmServices;

/**
 * Builds the grader a command asked for: "offline" (embedding + lexical), "llm" (the configured LLM
 * alone), "hybrid" (the LLM with the offline grader as a floor and a visible offline fallback) or
 * "auto" (hybrid when {@code TUTOR_LLM_PROVIDER} is set, otherwise offline). llm and hybrid work
 * with any configured endpoint: OpenAI or an OpenAI-compatible server ({@code TUTOR_LLM_BASE_URL}),
 * Ollama, Anthropic, Gemini.
 */
public final class Graders {
  private Graders() {}

  /**
   * @throws dev.interviewtutor.UserFacingException for an unknown kind, or llm/hybrid without a
   *     provider
   */
  public static Grader create(TutorConfig config, String kind) {
    return LlmServices.graderFor(
        config, kind == null ? "offline" : kind, OfflineGrader::withDefaultModel);
  }
}
