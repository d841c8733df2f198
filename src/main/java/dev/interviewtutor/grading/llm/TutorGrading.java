package dev.interviewtutor.grading.llm;

import dev.interviewtutor.config.TutorConfig;
import dev.interviewtutor.grading.Grader;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a front-end (terminal tutor, Discord bot) needs to grade and follow up, sharing one LLM
 * client, so one daily budget per scope covers both grades and follow-ups.
 *
 * @param grader hybrid when {@code TUTOR_LLM_PROVIDER} is set, otherwise the offline grader
 * @param followUps for {@code PracticeService}; on with an LLM unless {@code TUTOR_LLM_FOLLOW_UPS}
 *     is false
 * @param explainer explanations of what an answer missed
 * @param llm the LLM services, empty when none is configured
 */
public record TutorGrading(
    Grader grader, FollowUpAsker followUps, Explainer explainer, Optional<LlmServices> llm) {

  /**
   * Builds everything from the configuration.
   *
   * @param offline builds the offline grader
   * @param persistent where to keep LLM grades across restarts (e.g. {@code
   *     store.SqliteGradeCache}), or empty
   */
  public static TutorGrading fromConfig(
      TutorConfig config, Supplier<Grader> offline, Optional<GradeCache> persistent) {
    return fromConfig(config, offline, persistent, Optional.empty());
  }

  /**
   * As {@link #fromConfig(TutorConfig, Supplier, Optional)}, with the daily LLM budget counted in
   * {@code budget} (e.g. {@code store.LlmBudgetRepository}: shared by every process, kept across
   * restarts) when given.
   */
  public static TutorGrading fromConfig(
      TutorConfig config,
      Supplier<Grader> offline,
      Optional<GradeCache> persistent,
      Optional<DailyCallBudget.Counter> budget) {
    return fromConfig(
        config, offline, persistent, budget, dev.interviewtutor.ops.TutorMetrics.NONE);
  }

  /**
   * As {@link #fromConfig(TutorConfig, Supplier, Optional, Optional)}, reporting LLM calls and
   * fall-backs.
   */
  public static TutorGrading fromConfig(
      TutorConfig config,
      Supplier<Grader> offline,
      Optional<GradeCache> persistent,
      Optional<DailyCallBudget.Counter> budget,
      dev.interviewtutor.ops.TutorMetrics metrics) {
    Optional<LlmServices> llm =
        LlmServices.fromConfig(config)
            .map(s -> s.withMetrics(metrics))
            .map(s -> budget.map(s::withBudgetCountedIn).orElse(s))
            .map(s -> persistent.map(s::withPersistentCache).orElse(s));
    Grader grader =
        llm.<Grader>map(s -> s.hybrid(offline.get(), HybridGrader.Routing.of(config.llmRouting())))
            .orElseGet(offline);
    return new TutorGrading(
        grader,
        LlmServices.followUpsFor(config, llm),
        llm.map(LlmServices::explainer).orElseGet(Explainer::offline),
        llm);
  }
}
