package dev.interviewtutor.discord;

import dev.interviewtutor.config.TutorConfig;
import dev.interviewtutor.grading.Grader;
import dev.interviewtutor.grading.OfflineGrader;
import dev.interviewtutor.grading.llm.LlmServices;
import dev.interviewtutor.knowledge.BankLoader;
import dev.interviewtutor.knowledge.QuestionBank;
import dev.interviewtutor.knowledge.QuestionRubrics;
import dev.interviewtutor.practice.PracticeService;
import dev.interviewtutor.store.Database;
import java.time.Clock;
import java.util.List;

/** Builds the production services from the configuration: banks, grader, database, practice engine. */
final class BotWiring {
  private BotWiring() {}

  static BotServices services(TutorConfig config) {
    QuestionBank bank = BankLoader.load(config.knowledgeDir());
    Grader grader = grader(config);
    Database db = Database.open(config.db());
    Clock clock = Clock.systemUTC();
    PracticeService practice = new PracticeService(bank, QuestionRubrics::of, grader, db, clock);
    return new BotServices(practice, clock, List.of(db));
  }

  /** The offline grader, or the hybrid LLM grader when {@code TUTOR_LLM_PROVIDER} is set. */
  private static Grader grader(TutorConfig config) {
    return LlmServices.graderFor(config, "auto", OfflineGrader::withDefaultModel);
  }
}
