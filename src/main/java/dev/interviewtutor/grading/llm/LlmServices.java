package dev.interviewtutor.grading.llm;

import dev.interviewtutor.UserFacingException;
import dev.interviewtutor.config.TutorConfig;
import dev.interviewtutor.grading.Grader;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Everything LLM-backed, built once at start from the configuration: one client (one daily budget
 * per scope, one retry policy), the prompts and the caching LLM grader.
 */
public final class LlmServices {
  /** Grades remembered per process; a grade is small, so this is a few MB at most. */
  public static final int CACHE_SIZE = 5_000;

  private final LlmClient client;
  private final PromptTemplates prompts;
  private final LlmGrader grader;

  public LlmServices(LlmClient client, PromptTemplates prompts) {
    this(client, prompts, GradeCache.inMemory(CACHE_SIZE));
  }

  public LlmServices(LlmClient client, PromptTemplates prompts, GradeCache cache) {
    this.client = client;
    this.prompts = prompts;
    this.grader = new LlmGrader(client, prompts, cache);
  }

  /**
   * The same client and prompts with grades also remembered in {@code persistent} (such as the
   * SQLite {@code store.SqliteGradeCache}), so the same answer keeps its grade across restarts.
   */
  public LlmServices withPersistentCache(GradeCache persistent) {
    return new LlmServices(
        client, prompts, GradeCache.layered(GradeCache.inMemory(CACHE_SIZE), persistent));
  }

  /**
   * The same services with the daily budget counted in {@code counter} (such as {@code
   * store.LlmBudgetRepository}, shared by every process on the database and kept across restarts),
   * and a new in-memory grade cache: call it before {@link #withPersistentCache}.
   */
  public LlmServices withBudgetCountedIn(DailyCallBudget.Counter counter) {
    return new LlmServices(client.withBudget(client.budget().countedIn(counter)), prompts);
  }

  /**
   * The same services reporting LLM calls and grading fall-backs to {@code metrics}, with a new
   * in-memory grade cache: call it first, before {@link #withBudgetCountedIn} and {@link
   * #withPersistentCache} (which keep it).
   */
  public LlmServices withMetrics(dev.interviewtutor.ops.TutorMetrics metrics) {
    return new LlmServices(client.reportingTo(metrics), prompts);
  }

  /**
   * The services the configuration asks for, or empty when {@code TUTOR_LLM_PROVIDER} is none.
   * Loads the prompts from {@link TutorConfig#promptsDir()}.
   *
   * @throws UserFacingException naming the file when a prompt template is missing or broken
   */
  public static Optional<LlmServices> fromConfig(TutorConfig config) {
    return fromConfig(config, RetryPolicy.standard(), Clock.systemUTC());
  }

  public static Optional<LlmServices> fromConfig(
      TutorConfig config, RetryPolicy retry, Clock clock) {
    return ChatModelFactory.create(config)
        .map(
            endpoint -> {
              PromptTemplates prompts = PromptTemplates.load(config.promptsDir());
              return new LlmServices(
                  new LlmClient(
                      endpoint, retry, new DailyCallBudget(config.llmDailyBudget(), clock)),
                  prompts);
            });
  }

  public LlmClient client() {
    return client;
  }

  public PromptTemplates prompts() {
    return prompts;
  }

  public LlmGrader grader() {
    return grader;
  }

  /** The LLM grader over {@code offline}, grading every answer. */
  public HybridGrader hybrid(Grader offline) {
    return new HybridGrader(offline, grader, HybridGrader.Routing.ALL, client.metrics());
  }

  /** The LLM grader over {@code offline}, grading the answers {@code routing} sends to it. */
  public HybridGrader hybrid(Grader offline, HybridGrader.Routing routing) {
    return new HybridGrader(offline, grader, routing, client.metrics());
  }

  public Explainer explainer() {
    return new Explainer(Optional.of(client), prompts);
  }

  public FollowUpAsker followUps(boolean enabled) {
    return new FollowUpAsker(enabled, Optional.of(client), prompts);
  }

  /**
   * The follow-up asker for the practice engine: on when an LLM is configured and {@code
   * TUTOR_LLM_FOLLOW_UPS} is true (the default); the question is built from the key point when the
   * LLM fails. Off without an LLM, so the offline tutor's interviews stay as they are.
   */
  public static FollowUpAsker followUpsFor(TutorConfig config, Optional<LlmServices> services) {
    return services
        .map(s -> s.followUps(config.llmFollowUps()))
        .orElseGet(() -> FollowUpAsker.offline(false));
  }

  /**
   * The grader {@code tutor eval --grader KIND} and the front-ends use.
   *
   * @param kind offline, llm, hybrid, or auto (hybrid when an LLM is configured, otherwise offline)
   * @param offline builds the offline grader (only called when needed)
   * @throws UserFacingException when llm or hybrid is asked for without a provider, or the kind is
   *     unknown
   */
  public static Grader graderFor(TutorConfig config, String kind, Supplier<Grader> offline) {
    String k = kind == null ? "auto" : kind.strip().toLowerCase(Locale.ROOT);
    switch (k) {
      case "offline":
        return offline.get();
      case "auto":
        return fromConfig(config).<Grader>map(s -> s.hybrid(offline.get())).orElseGet(offline);
      case "llm":
      case "hybrid":
        LlmServices services =
            fromConfig(config)
                .orElseThrow(
                    () ->
                        new UserFacingException(
                            "--grader "
                                + k
                                + " needs an LLM: set TUTOR_LLM_PROVIDER (openai, ollama, anthropic or gemini),"
                                + " TUTOR_LLM_MODEL and the provider's key or TUTOR_LLM_BASE_URL"));
        return k.equals("llm") ? services.grader() : services.hybrid(offline.get());
      default:
        throw new UserFacingException(
            "--grader '" + kind + "' is not one of: offline, llm, hybrid, auto");
    }
  }
}
