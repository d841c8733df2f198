package dev.interviewtutor.discord;

import dev.interviewtutor.UserFacingException;
import dev.interviewtutor.config.TutorConfig;
import dev.interviewtutor.knowledge.BankLoader;
import dev.interviewtutor.knowledge.QuestionBank;
import java.time.Clock;
import java.util.List;

/** Builds the production services from the configuration: banks, grader, database. */
final class BotWiring {
  private BotWiring() {}

  static BotServices services(TutorConfig config) {
    QuestionBank bank = BankLoader.load(config.knowledgeDir());
    throw new UserFacingException("The offline grader is not available in this build yet (" + bank.questions().size()
        + " questions loaded); the bot cannot grade answers.");
  }

  @SuppressWarnings("unused")
  private static BotServices of(QuestionBank bank, dev.interviewtutor.grading.Grader grader) {
    return new BotServices(bank, grader, Clock.systemUTC(), List.of());
  }
}
