package dev.interviewtutor.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every bank shipped in the project's knowledge/ directory loads, and the own bank is enriched for
 * grading.
 */
class KnowledgeDirectoryTest {
  private static final Path KNOWLEDGE = Path.of("knowledge");

  @Test
  void should_load_every_bank_in_the_knowledge_directory() {
    QuestionBank bank = BankLoader.load(KNOWLEDGE); // throws listing every problem of every file
    assertFalse(bank.questions().isEmpty());
    Map<String, Rubric> rubrics = QuestionRubrics.forBank(bank);
    for (Question question : bank.questions()) {
      assertFalse(question.topic().isBlank(), "question " + question.id() + " has a topic");
      assertFalse(rubrics.get(question.id()).keyPoints().isEmpty());
    }
  }

  @Test
  void should_ship_questions_71_to_80_with_synonyms_common_mistakes_and_tips() {
    QuestionBank bank = BankLoader.load(KNOWLEDGE);
    Map<String, Rubric> rubrics = QuestionRubrics.forBank(bank);
    for (int id = 71; id <= 80; id++) {
      Question question = bank.find(Integer.toString(id)).orElseThrow();
      Rubric rubric = rubrics.get(question.id());
      assertEquals("Node.js Scaling", question.topic());
      assertFalse(question.tip().isBlank(), id + " has a tip");
      assertTrue(question.section("Key Points").isPresent(), id + " has key points");
      assertTrue(question.section("Common Mistakes").isPresent(), id + " has common mistakes");
      assertTrue(
          rubric.keyPoints().size() >= 7,
          id + " has at least 7 key points: " + rubric.keyPoints().size());
      assertTrue(rubric.misconceptions().size() >= 1, id + " has misconceptions");
    }
    assertTrue(rubrics.get("71").synonyms().get("horizontal scaling").contains("scaling out"));
  }

  @Test
  void should_say_the_seed_facts_in_the_projects_own_words() throws IOException {
    String own =
        Files.readString(KNOWLEDGE.resolve("nodejs-scaling.md"), StandardCharsets.UTF_8)
            .toLowerCase(Locale.ROOT);
    String seed = Files.readString(SeedBankParserTest.SEED, StandardCharsets.UTF_8);
    List<Question> seedQuestions =
        new MarkdownBankParser().parse(SeedBankParserTest.SEED, seed).questions();
    List<String> copied = new ArrayList<>();
    for (Question question : seedQuestions) {
      List<String> sentences = new ArrayList<>(RubricText.sentences(question.explanation()));
      sentences.addAll(RubricText.sentences(question.tip()));
      for (String sentence : sentences) {
        if (RubricText.words(sentence) >= 4 && own.contains(sentence.toLowerCase(Locale.ROOT))) {
          copied.add(sentence);
        }
      }
    }
    assertEquals(List.of(), copied, "sentences copied verbatim from the seed");
  }
}
