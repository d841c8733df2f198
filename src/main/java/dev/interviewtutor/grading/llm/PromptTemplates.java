package dev.interviewtutor.grading.llm;

import dev.interviewtutor.UserFacingException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Every prompt the LLM features use, loaded once at start from the prompts directory. */
public final class PromptTemplates {

  /** The templates and the placeholders each may use. */
  public enum Kind {
    GRADE_SYSTEM("grade-system.txt", Set.of("fence")),
    GRADE_USER(
        "grade-user.txt",
        Set.of("question", "keyPoints", "misconceptions", "samples", "tip", "fence", "answer")),
    FOLLOW_UP("follow-up.txt", Set.of("question", "keyPoint", "fence", "answer")),
    EXPLANATION(
        "explanation.txt",
        Set.of(
            "question", "missedKeyPoints", "misconceptions", "referenceAnswer", "fence", "answer"));

    private final String fileName;
    private final Set<String> allowed;

    Kind(String fileName, Set<String> allowed) {
      this.fileName = fileName;
      this.allowed = allowed;
    }

    public String fileName() {
      return fileName;
    }

    /** The placeholders this template's caller fills. */
    public Set<String> allowedPlaceholders() {
      return allowed;
    }
  }

  private final Path dir;
  private final Map<Kind, PromptTemplate> templates;

  private PromptTemplates(Path dir, Map<Kind, PromptTemplate> templates) {
    this.dir = dir;
    this.templates = templates;
  }

  /**
   * Loads every template from {@code dir}.
   *
   * @throws UserFacingException naming the file when one is missing, unreadable, empty or uses a
   *     placeholder its caller does not fill
   */
  public static PromptTemplates load(Path dir) {
    Map<Kind, PromptTemplate> loaded = new EnumMap<>(Kind.class);
    for (Kind kind : Kind.values()) {
      Path file = dir.resolve(kind.fileName());
      String text;
      try {
        text =
            StandardCharsets.UTF_8
                .newDecoder()
                .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                .toString();
      } catch (NoSuchFileException e) {
        throw new UserFacingException(
            "prompt template missing: "
                + file
                + " (set TUTOR_PROMPTS or --prompts to a directory that holds "
                + String.join(", ", fileNames())
                + ")");
      } catch (CharacterCodingException e) {
        throw new UserFacingException("prompt template " + file + " is not valid UTF-8");
      } catch (IOException e) {
        throw new UserFacingException(
            "prompt template " + file + " cannot be read: " + e.getMessage(), e);
      }
      if (text.isBlank()) {
        throw new UserFacingException("prompt template " + file + " is empty");
      }
      PromptTemplate template = new PromptTemplate(file, text);
      Set<String> unknown = new TreeSet<>(template.placeholders());
      unknown.removeAll(kind.allowedPlaceholders());
      if (!unknown.isEmpty()) {
        throw new UserFacingException(
            "prompt template "
                + file
                + " uses unknown placeholder(s) "
                + unknown
                + "; allowed: "
                + new TreeSet<>(kind.allowedPlaceholders()));
      }
      loaded.put(kind, template);
    }
    return new PromptTemplates(dir, loaded);
  }

  private static List<String> fileNames() {
    return Arrays.stream(Kind.values()).map(Kind::fileName).toList();
  }

  public PromptTemplate get(Kind kind) {
    return templates.get(kind);
  }

  /** Renders one template; see {@link PromptTemplate#render(Map)}. */
  public String render(Kind kind, Map<String, String> values) {
    return templates.get(kind).render(values);
  }

  public Path dir() {
    return dir;
  }
}
