package dev.interviewtutor.grading.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interviewtutor.UserFacingException;
import dev.interviewtutor.grading.llm.PromptTemplates.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped prompts/ directory, and the loader's errors. */
class PromptTemplatesTest {

  @Test
  void should_render_every_shipped_template_with_no_placeholder_left() {
    PromptTemplates prompts = PromptTemplates.load(Fixtures.PROMPTS);
    for (Kind kind : Kind.values()) {
      Map<String, String> values = new HashMap<>();
      kind.allowedPlaceholders().forEach(name -> values.put(name, "<" + name + " value>"));

      String rendered = prompts.render(kind, values);

      assertFalse(
          rendered.contains("{{"), kind.fileName() + " still has a placeholder:\n" + rendered);
      assertFalse(rendered.contains("}}"), kind.fileName() + " has a stray }}");
      assertFalse(
          prompts.get(kind).placeholders().isEmpty(), kind.fileName() + " uses no placeholder");
      for (String used : prompts.get(kind).placeholders()) {
        assertTrue(
            rendered.contains("<" + used + " value>"), kind.fileName() + " lost {{" + used + "}}");
      }
    }
  }

  @Test
  void should_fail_naming_the_placeholder_and_file_when_a_value_is_missing() {
    PromptTemplates prompts = PromptTemplates.load(Fixtures.PROMPTS);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> prompts.render(Kind.FOLLOW_UP, Map.of("question", "q")));
    assertTrue(e.getMessage().contains("follow-up.txt"), e.getMessage());
    assertTrue(e.getMessage().contains("{{"), e.getMessage());
  }

  @Test
  void should_not_expand_placeholders_inside_substituted_text() {
    PromptTemplate t = new PromptTemplate(Path.of("t.txt"), "A {{answer}} B {{fence}}");
    assertEquals("A {{fence}} B X", t.render(Map.of("answer", "{{fence}}", "fence", "X")));
    assertEquals("A $1\\ B X", t.render(Map.of("answer", "$1\\", "fence", "X")));
  }

  @Test
  void should_name_the_missing_file(@TempDir Path dir) throws Exception {
    copyAll(dir);
    Files.delete(dir.resolve("follow-up.txt"));

    UserFacingException e =
        assertThrows(UserFacingException.class, () -> PromptTemplates.load(dir));

    assertTrue(e.getMessage().contains(dir.resolve("follow-up.txt").toString()), e.getMessage());
    assertTrue(e.getMessage().contains("TUTOR_PROMPTS"), e.getMessage());
  }

  @Test
  void should_refuse_a_template_with_an_unknown_placeholder(@TempDir Path dir) throws Exception {
    copyAll(dir);
    Files.writeString(dir.resolve("grade-user.txt"), "Question: {{question}} {{anwser}}");

    UserFacingException e =
        assertThrows(UserFacingException.class, () -> PromptTemplates.load(dir));

    assertTrue(
        e.getMessage().contains("grade-user.txt") && e.getMessage().contains("anwser"),
        e.getMessage());
  }

  @Test
  void should_load_an_overriding_directory(@TempDir Path dir) throws Exception {
    copyAll(dir);
    Files.writeString(dir.resolve("follow-up.txt"), "Custom: {{keyPoint}}");

    PromptTemplates prompts = PromptTemplates.load(dir);

    assertEquals("Custom: k", prompts.render(Kind.FOLLOW_UP, Map.of("keyPoint", "k")));
  }

  private static void copyAll(Path dir) throws Exception {
    for (Kind kind : Kind.values()) {
      Files.copy(Fixtures.PROMPTS.resolve(kind.fileName()), dir.resolve(kind.fileName()));
    }
  }
}
