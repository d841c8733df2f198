package dev.interviewtutor.grading.llm;

import dev.interviewtutor.config.ConfigException;
import dev.interviewtutor.config.TutorConfig;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.net.URI;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the chat model that {@code TUTOR_LLM_PROVIDER} names, through LangChain4j. Temperature 0,
 * the configured timeout, no LangChain4j retries (the {@link LlmClient} retries so that it can
 * count calls against the budget), request and response logging off (they would carry learners'
 * answers and, for some providers, keys).
 */
public final class ChatModelFactory {
  private static final Logger log = LoggerFactory.getLogger(ChatModelFactory.class);

  public static final String DEFAULT_OPENAI_MODEL = "gpt-4o-mini";
  public static final String DEFAULT_OLLAMA_MODEL = "llama3.1";

  /** Ollama's OpenAI-compatible API on its default port. */
  public static final String DEFAULT_OLLAMA_BASE_URL = "http://localhost:11434/v1";

  public static final String DEFAULT_ANTHROPIC_MODEL = "claude-3-5-haiku-latest";
  public static final String DEFAULT_GEMINI_MODEL = "gemini-2.0-flash";

  private ChatModelFactory() {}

  /**
   * The endpoint the configuration names, or empty when {@code TUTOR_LLM_PROVIDER} is none.
   *
   * @throws ConfigException naming the variable when a required key is missing
   */
  public static Optional<LlmEndpoint> create(TutorConfig config) {
    if (!config.llmConfigured()) {
      return Optional.empty();
    }
    String provider = config.llmProvider();
    String baseUrl = config.llmBaseUrl().map(URI::toString).orElse(null);
    LlmEndpoint endpoint =
        switch (provider) {
          case "openai" -> openAi(config, baseUrl);
          case "ollama" -> ollama(config, baseUrl);
          case "anthropic" -> anthropic(config, baseUrl);
          case "gemini" -> gemini(config, baseUrl);
          default ->
              throw new ConfigException(
                  "TUTOR_LLM_PROVIDER='"
                      + provider
                      + "' is not one of: none, openai, ollama, anthropic, gemini");
        };
    // Never the key: only where we talk to and which model.
    log.info(
        "LLM grading through {} at {} (timeout {} s)",
        endpoint.label(),
        baseUrl == null ? "the provider's default URL" : baseUrl,
        config.llmTimeout().toSeconds());
    return Optional.of(endpoint);
  }

  private static String model(TutorConfig config, String fallback) {
    return config.llmModel().isBlank() ? fallback : config.llmModel();
  }

  private static LlmEndpoint openAi(TutorConfig config, String baseUrl) {
    String key = config.llmApiKey();
    if (key.isBlank()) {
      if (baseUrl == null) {
        throw new ConfigException(
            "TUTOR_LLM_PROVIDER=openai needs OPENAI_API_KEY, or TUTOR_LLM_BASE_URL pointing at a local"
                + " OpenAI-compatible server (llama.cpp, vLLM, LM Studio)");
      }
      key = "not-needed"; // local OpenAI-compatible servers ignore it, the client insists on one
    }
    String model = model(config, DEFAULT_OPENAI_MODEL);
    ChatModel chat =
        OpenAiChatModel.builder()
            .baseUrl(baseUrl)
            .apiKey(key)
            .modelName(model)
            .temperature(0.0)
            .timeout(config.llmTimeout())
            .maxRetries(0)
            .strictJsonSchema(true)
            .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
            .logRequests(false)
            .logResponses(false)
            .build();
    return new LlmEndpoint(chat, "openai", model);
  }

  /**
   * Ollama through its OpenAI-compatible API ({@code /v1/chat/completions}, with {@code
   * response_format} JSON schemas), so that every LangChain4j module stays on one version line (the
   * Ollama module lags behind the others). A base URL given without a path ({@code
   * http://host:11434}, as Ollama's own docs write it) gets {@code /v1}.
   */
  private static LlmEndpoint ollama(TutorConfig config, String baseUrl) {
    String model = model(config, DEFAULT_OLLAMA_MODEL);
    ChatModel chat =
        OpenAiChatModel.builder()
            .baseUrl(ollamaBaseUrl(baseUrl))
            .apiKey("ollama") // Ollama ignores it; the client insists on one
            .modelName(model)
            .temperature(0.0)
            .timeout(config.llmTimeout())
            .maxRetries(0)
            .strictJsonSchema(true)
            .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
            .logRequests(false)
            .logResponses(false)
            .build();
    return new LlmEndpoint(chat, "ollama", model);
  }

  /**
   * Ollama's OpenAI-compatible endpoint: the default local server, or the given one with {@code
   * /v1} added.
   */
  static String ollamaBaseUrl(String baseUrl) {
    if (baseUrl == null || baseUrl.isBlank()) {
      return DEFAULT_OLLAMA_BASE_URL;
    }
    URI uri = URI.create(baseUrl.strip());
    String path = uri.getPath() == null ? "" : uri.getPath();
    if (path.isEmpty() || path.equals("/")) {
      return baseUrl.strip().replaceAll("/+$", "") + "/v1";
    }
    return baseUrl.strip();
  }

  private static LlmEndpoint anthropic(TutorConfig config, String baseUrl) {
    if (config.llmApiKey().isBlank()) {
      throw new ConfigException("TUTOR_LLM_PROVIDER=anthropic needs ANTHROPIC_API_KEY");
    }
    String model = model(config, DEFAULT_ANTHROPIC_MODEL);
    AnthropicChatModel.AnthropicChatModelBuilder builder =
        AnthropicChatModel.builder()
            .apiKey(config.llmApiKey())
            .modelName(model)
            .temperature(0.0)
            .maxTokens(1500)
            .timeout(config.llmTimeout())
            .maxRetries(0)
            .logRequests(false)
            .logResponses(false);
    if (baseUrl != null) {
      builder.baseUrl(baseUrl);
    }
    return new LlmEndpoint(builder.build(), "anthropic", model);
  }

  private static LlmEndpoint gemini(TutorConfig config, String baseUrl) {
    if (config.llmApiKey().isBlank()) {
      throw new ConfigException(
          "TUTOR_LLM_PROVIDER=gemini needs GOOGLE_AI_GEMINI_API_KEY (or GEMINI_API_KEY)");
    }
    String model = model(config, DEFAULT_GEMINI_MODEL);
    GoogleAiGeminiChatModel.GoogleAiGeminiChatModelBuilder builder =
        GoogleAiGeminiChatModel.builder()
            .apiKey(config.llmApiKey())
            .modelName(model)
            .temperature(0.0)
            .timeout(config.llmTimeout())
            .maxRetries(0)
            .logRequests(false)
            .logResponses(false)
            .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA);
    if (baseUrl != null) {
      builder.baseUrl(baseUrl);
    }
    return new LlmEndpoint(builder.build(), "gemini", model);
  }
}
