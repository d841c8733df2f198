package dev.interviewtutor.discord;

import dev.interviewtutor.config.TutorConfig;
import dev.interviewtutor.grading.Grader;
import dev.interviewtutor.grading.MeteredGrader;
import dev.interviewtutor.grading.OfflineGrader;
import dev.interviewtutor.grading.llm.TutorGrading;
import dev.interviewtutor.knowledge.BankLoader;
import dev.interviewtutor.knowledge.QuestionBank;
import dev.interviewtutor.knowledge.QuestionRubrics;
import dev.interviewtutor.ops.HealthCheck;
import dev.interviewtutor.ops.MicrometerMetrics;
import dev.interviewtutor.ops.TutorMetrics;
import dev.interviewtutor.practice.PracticeService;
import dev.interviewtutor.store.Database;
import dev.interviewtutor.store.SqliteGradeCache;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Builds the production services from the configuration: banks, database, grading (the offline
 * grader, or the hybrid LLM grader with its SQLite grade cache and interview follow-ups when {@code
 * TUTOR_LLM_PROVIDER} is set), and the practice engine. The same wiring as the terminal tutor.
 */
final class BotWiring {
  private BotWiring() {}

  static BotServices services(TutorConfig config) {
    return services(config, OfflineGrader::withDefaultModel, Clock.systemUTC());
  }

  /**
   * With another offline grader (tests use a transparent one instead of loading the embedding
   * model).
   */
  static BotServices services(TutorConfig config, Supplier<Grader> offline, Clock clock) {
    java.nio.file.Path dir = dev.interviewtutor.config.BankLocation.of(config).dir();
    Supplier<QuestionBank> knowledge =
        () ->
            BankLoader.load(
                dir,
                dev.interviewtutor.config.BankLocation.shipped()
                    .map(dev.interviewtutor.config.BankLocation::dir));
    QuestionBank bank = knowledge.get();
    Database db = Database.open(config.db());
    try {
      // Metrics only when the HTTP endpoint serves them (TUTOR_HTTP_PORT); otherwise nothing is
      // counted.
      TutorMetrics metrics = config.http().isOn() ? new MicrometerMetrics() : TutorMetrics.NONE;
      metrics.databasePool(db.backend(), db::poolUsage);
      TutorGrading grading =
          TutorGrading.fromConfig(
              config,
              offline,
              Optional.of(new SqliteGradeCache(db, clock)),
              Optional.of(new dev.interviewtutor.store.LlmBudgetRepository(db)),
              metrics);
      PracticeService practice =
          new PracticeService(
              bank,
              QuestionRubrics.builderFor(bank),
              MeteredGrader.of(grading.grader(), metrics),
              db,
              clock,
              grading.followUps());
      List<AutoCloseable> closeables =
          metrics instanceof MicrometerMetrics m ? List.of(db, m) : List.of(db);
      return new BotServices(
          practice,
          clock,
          closeables,
          metrics,
          List.of(HealthCheck.succeeds("database", db::ping)),
          knowledge);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }
}
