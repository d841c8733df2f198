package dev.interviewtutor.grading;

import dev.interviewtutor.knowledge.BankLoader;
import dev.interviewtutor.knowledge.QuestionRubrics;
import dev.interviewtutor.knowledge.Rubric;
import java.nio.file.Path;
import java.util.Map;

/**
 * Real rubrics: the project bank in knowledge/ and the user's seed bank (a copy in the test
 * resources).
 */
final class BankRubricFixtures {
  private BankRubricFixtures() {}

  static final Map<String, Rubric> PROJECT =
      QuestionRubrics.forBank(BankLoader.load(Path.of("knowledge")));
  static final Map<String, Rubric> SEED =
      QuestionRubrics.forBank(BankLoader.load(Path.of("src/test/resources/seeds")));

  static Map<String, Rubric> bank(String name) {
    return "seed".equals(name) ? SEED : PROJECT;
  }
}
