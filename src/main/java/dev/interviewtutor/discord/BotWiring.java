package dev.interviewtutor.discord;

import dev.interviewtutor.config.TutorConfig;
import dev.interviewtutor.grading.Grader;
import dev.interviewtutor.grading.OfflineGrader;
import dev.interviewtutor.grading.llm.TutorGrading;
import dev.interviewtutor.knowledge.BankLoader;
import dev.interviewtutor.knowledge.QuestionBank;
import dev.interviewtutor.knowledge.QuestionRubrics;
import dev.interviewtutor.practice.PracticeService;
import dev.interviewtutor.store.Database;
import dev.interviewtutor.store.SqliteGradeCache;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Builds the production services from the configuration: banks, database, grading (the offline grader, or the
 * hybrid LLM grader with its SQLite grade cache and interview follow-ups when {@code TUTOR_LLM_PROVIDER} is set),
 * and the practice engine. The same wiring as the terminal tutor.
 */
final class BotWiring {
  private BotWiring() {}

  static BotServices services(TutorConfig config) {
    return services(config, OfflineGrader::withDefaultModel, Clock.systemUTC());
  }

  /** With another offline grader (tests use a transparent one instead of loading the embedding model). */
  static BotServices services(TutorConfig config, Supplier<Grader> offline, Clock clock) {
    java.nio.file.Path dir = dev.interviewtutor.config.BankLocation.of(config).dir();
    Supplier<QuestionBank> knowledge = () -> BankLoader.load(dir,
        dev.interviewtutor.config.BankLocation.shipped().map(dev.interviewtutor.config.BankLocation::dir));
    QuestionBank bank = knowledge.get();
    Database db = Database.open(config.db());
    try {
      TutorGrading grading = TutorGrading.fromConfig(config, offline, Optional.of(new SqliteGradeCache(db, clock)),
          Optional.of(new dev.interviewtutor.store.LlmBudgetRepository(db)));
      PracticeService practice = new PracticeService(bank, QuestionRubrics.builderFor(bank), grading.grader(), db, clock,
          grading.followUps());
      return new BotServices(practice, clock, List.of(db), knowledge);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }
}
