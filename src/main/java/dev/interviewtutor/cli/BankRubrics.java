package dev.interviewtutor.cli;

import dev.interviewtutor.UserFacingException;
import dev.interviewtutor.config.BankLocation;
import dev.interviewtutor.config.TutorConfig;
import dev.interviewtutor.knowledge.BankLoader;
import dev.interviewtutor.knowledge.QuestionBank;
import dev.interviewtutor.knowledge.QuestionRubrics;
import dev.interviewtutor.knowledge.Rubric;
import java.util.Map;

/**
 * Loads the bank and derives every question's rubric, for the commands that grade against the bank.
 */
final class BankRubrics {
  private BankRubrics() {}

  /** Rubrics by question id, with the bank-wide synonyms. */
  static Map<String, Rubric> load(TutorConfig config) {
    QuestionBank bank = BankLoader.load(BankLocation.of(config).dir());
    return QuestionRubrics.forBank(bank);
  }

  static Rubric forQuestion(TutorConfig config, String id) {
    Rubric rubric = load(config).get(id.strip());
    if (rubric == null) {
      throw new UserFacingException(
          "no question "
              + id
              + " in "
              + BankLocation.of(config).shown()
              + " (`"
              + Invocation.command()
              + " bank list` shows the ids)");
    }
    return rubric;
  }
}
