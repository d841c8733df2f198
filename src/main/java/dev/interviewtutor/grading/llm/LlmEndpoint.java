package dev.interviewtutor.grading.llm;

import dev.langchain4j.model.chat.ChatModel;

/**
 * A configured chat model and how to name it in grades ("openai/gpt-4o-mini").
 *
 * @param model the LangChain4j model, temperature 0, retries off (the {@link LlmClient} retries)
 * @param provider openai, ollama, anthropic or gemini
 * @param modelName the model asked for
 */
public record LlmEndpoint(ChatModel model, String provider, String modelName) {
  public String label() {
    return provider + "/" + modelName;
  }
}
