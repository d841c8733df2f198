package dev.interviewtutor.enrich;

import dev.interviewtutor.UserFacingException;
import dev.interviewtutor.grading.llm.PromptTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The enrich prompt: {@code enrich.txt} in the prompts directory ({@code TUTOR_PROMPTS}) when there
 * is one, else the one built into the program ({@code prompts/enrich.txt} on the class path).
 * Placeholders: {@code title}, {@code topic}, {@code answer}.
 */
final class EnrichPrompt {
  static final String FILE = "enrich.txt";
  static final Set<String> ALLOWED = Set.of("title", "topic", "answer");

  private final PromptTemplate template;

  private EnrichPrompt(PromptTemplate template) {
    this.template = template;
  }

  static EnrichPrompt load(Path promptsDir) {
    Path file = promptsDir == null ? null : promptsDir.resolve(FILE);
    String text;
    try {
      if (file != null && Files.isRegularFile(file)) {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } else {
        try (InputStream in = EnrichPrompt.class.getResourceAsStream("/prompts/" + FILE)) {
          if (in == null) {
            throw new UserFacingException(
                "prompt template "
                    + FILE
                    + " is missing from "
                    + promptsDir
                    + " and from the program");
          }
          text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          file = Path.of("(built in)/prompts/" + FILE);
        }
      }
    } catch (IOException e) {
      throw new UserFacingException(
          "prompt template " + file + " cannot be read: " + e.getMessage(), e);
    }
    PromptTemplate template = new PromptTemplate(file, text);
    Set<String> unknown = new TreeSet<>(template.placeholders());
    unknown.removeAll(ALLOWED);
    if (text.isBlank() || !unknown.isEmpty()) {
      throw new UserFacingException(
          "prompt template "
              + file
              + (text.isBlank()
                  ? " is empty"
                  : " uses unknown placeholder(s) "
                      + unknown
                      + "; allowed: "
                      + new TreeSet<>(ALLOWED)));
    }
    return new EnrichPrompt(template);
  }

  String render(String title, String topic, String answer) {
    return template.render(Map.of("title", title, "topic", topic, "answer", answer));
  }
}
