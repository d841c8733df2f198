package dev.interviewtutor.cli;

import dev.interviewtutor.config.TutorConfig;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The root command. With no subcommand it runs the main job: the Discord bot when {@code
 * DISCORD_TOKEN} is set, otherwise the terminal tutor. Global options override the environment
 * (each option names its variable).
 */
@Command(
    name = "tutor",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Interview Tutor: mock interviews and quizzes graded offline or by an LLM.")
public final class TutorCommand implements Callable<Integer> {
  /** The subcommands, in the order help lists them. */
  static final List<Class<?>> SUBCOMMANDS =
      List.of(
          GradeCommand.class,
          EvalCommand.class,
          TrainCommand.class,
          BenchCommand.class,
          BotCommand.class,
          BankCommand.class,
          PracticeCommand.class,
          ReviewCommand.class,
          StatsCommand.class,
          LeaderboardCommand.class,
          ForgetMeCommand.class,
          BenchStoreCommand.class,
          BenchSearchCommand.class,
          DbCommand.class);

  /**
   * The command line for these arguments. Building picocli's model of a subcommand reflects over
   * its options and loads the classes they use (for eval and bench the grading and calibration
   * classes): about 0.4 s of a 10 s {@code stats} at load 20 (measured with {@code
   * -Xlog:class+load}, see docs/startup-benchmark.md). So only the subcommands named in the
   * arguments are registered; with none named (the main job) none are; anything else (help, a typo)
   * gets them all, so usage and "did you mean" stay complete.
   */
  public static CommandLine commandLine(TutorCommand root, String... args) {
    Set<String> named = new HashSet<>(Arrays.asList(args));
    List<Class<?>> wanted =
        SUBCOMMANDS.stream()
            .filter(c -> named.contains(c.getAnnotation(Command.class).name()))
            .toList();
    if (!wanted.isEmpty()) {
      return withSubcommands(root, wanted);
    }
    CommandLine alone = new CommandLine(root);
    try {
      if (!alone.parseArgs(args).isUsageHelpRequested()) {
        return alone; // the main job, with global options only
      }
    } catch (CommandLine.ParameterException e) {
      // a mistyped subcommand or option: the full command line reports it, with suggestions
    }
    return withSubcommands(root, SUBCOMMANDS);
  }

  private static CommandLine withSubcommands(TutorCommand root, List<Class<?>> subcommands) {
    CommandLine cli = new CommandLine(root);
    for (Class<?> sub : subcommands) {
      cli.addSubcommand(sub);
    }
    return cli;
  }

  @Option(
      names = "--db",
      scope = ScopeType.INHERIT,
      paramLabel = "FILE|URL",
      description =
          "SQLite database file or jdbc:postgresql://host/db URL (env TUTOR_DB, default data/tutor.db;"
              + " server user and password only from env TUTOR_DB_USER, TUTOR_DB_PASSWORD)")
  String db;

  @Option(
      names = "--knowledge",
      scope = ScopeType.INHERIT,
      paramLabel = "DIR",
      description =
          "Directory of question banks (env TUTOR_KNOWLEDGE; default ./knowledge if it exists, "
              + "else the banks built into the jar)")
  Path knowledge;

  @Option(
      names = "--prompts",
      scope = ScopeType.INHERIT,
      paramLabel = "DIR",
      description = "Directory of LLM prompt templates (env TUTOR_PROMPTS, default prompts)")
  Path prompts;

  @Option(
      names = "--llm-provider",
      scope = ScopeType.INHERIT,
      paramLabel = "NAME",
      description =
          "none, openai, ollama, anthropic or gemini (env TUTOR_LLM_PROVIDER, default none)")
  String llmProvider;

  @Option(
      names = "--llm-model",
      scope = ScopeType.INHERIT,
      paramLabel = "MODEL",
      description = "Model name (env TUTOR_LLM_MODEL, default: the provider's)")
  String llmModel;

  @Option(
      names = "--llm-base-url",
      scope = ScopeType.INHERIT,
      paramLabel = "URL",
      description = "OpenAI-compatible or Ollama server (env TUTOR_LLM_BASE_URL)")
  String llmBaseUrl;

  @Option(
      names = "--llm-timeout-seconds",
      scope = ScopeType.INHERIT,
      paramLabel = "N",
      description = "Timeout of one LLM call (env TUTOR_LLM_TIMEOUT_SECONDS, default 20)")
  String llmTimeoutSeconds;

  @Option(
      names = "--llm-daily-budget",
      scope = ScopeType.INHERIT,
      paramLabel = "N",
      description = "LLM calls per server per day (env TUTOR_LLM_DAILY_BUDGET, default 500)")
  String llmDailyBudget;

  @Option(
      names = "--llm-follow-ups",
      scope = ScopeType.INHERIT,
      paramLabel = "true|false",
      description =
          "Ask a follow-up after a partial interview answer (env TUTOR_LLM_FOLLOW_UPS, default true)")
  String llmFollowUps;

  @Option(
      names = "--llm-routing",
      scope = ScopeType.INHERIT,
      paramLabel = "uncertain|all",
      description =
          "Which answers the LLM grades: only those the offline grader is unsure of, or all (env"
              + " TUTOR_LLM_ROUTING, default uncertain)")
  String llmRouting;

  @Option(
      names = "--answers-per-minute",
      scope = ScopeType.INHERIT,
      paramLabel = "N",
      description =
          "Graded answers per person per minute on Discord (env TUTOR_ANSWERS_PER_MINUTE, default 6)")
  String answersPerMinute;

  @Option(
      names = "--discord-guild-id",
      scope = ScopeType.INHERIT,
      paramLabel = "ID",
      description = "Register slash commands on this server only (env DISCORD_GUILD_ID)")
  String discordGuildId;

  @Option(
      names = "--discord-rest-url",
      scope = ScopeType.INHERIT,
      paramLabel = "URL",
      description = "Discord REST base URL, for a proxy (env DISCORD_REST_URL)")
  String discordRestUrl;

  @Option(
      names = "--discord-gateway-url",
      scope = ScopeType.INHERIT,
      paramLabel = "URL",
      description = "Discord gateway URL, for a proxy (env DISCORD_GATEWAY_URL)")
  String discordGatewayUrl;

  @Option(
      names = "--discord-message-content",
      scope = ScopeType.INHERIT,
      paramLabel = "true|false",
      description =
          "Ask for the Message Content intent (env DISCORD_MESSAGE_CONTENT, default false)")
  String discordMessageContent;

  @Option(
      names = "--http-port",
      scope = ScopeType.INHERIT,
      paramLabel = "PORT",
      description =
          "Serve /health and /metrics on this port while the bot runs (env TUTOR_HTTP_PORT; off by default)")
  String httpPort;

  @Option(
      names = "--http-host",
      scope = ScopeType.INHERIT,
      paramLabel = "HOST",
      description = "Address the HTTP endpoint listens on (env TUTOR_HTTP_HOST, default 127.0.0.1)")
  String httpHost;

  @Option(
      names = "--discord-shards-total",
      scope = ScopeType.INHERIT,
      paramLabel = "N",
      description =
          "The bot's gateway shard count across all processes (env DISCORD_SHARDS_TOTAL; default: "
              + "Discord's recommendation, all in this process)")
  String discordShardsTotal;

  @Option(
      names = "--discord-shards",
      scope = ScopeType.INHERIT,
      paramLabel = "A-B",
      description =
          "The shards this process runs, e.g. 0-3 (env DISCORD_SHARDS; default all of "
              + "DISCORD_SHARDS_TOTAL)")
  String discordShards;

  private final TutorConfig environment;

  public TutorCommand(TutorConfig environment) {
    this.environment = environment;
  }

  /**
   * The configuration: environment values overridden by any option given. Tokens and API keys have
   * no option on purpose: they come only from the environment, so they never show in a process
   * listing or shell history.
   */
  public TutorConfig config() {
    Map<String, String> options = new LinkedHashMap<>();
    put(options, "TUTOR_DB", db);
    put(options, "TUTOR_KNOWLEDGE", knowledge);
    put(options, "TUTOR_PROMPTS", prompts);
    put(options, "TUTOR_LLM_PROVIDER", llmProvider);
    put(options, "TUTOR_LLM_MODEL", llmModel);
    put(options, "TUTOR_LLM_BASE_URL", llmBaseUrl);
    put(options, "TUTOR_LLM_TIMEOUT_SECONDS", llmTimeoutSeconds);
    put(options, "TUTOR_LLM_DAILY_BUDGET", llmDailyBudget);
    put(options, "TUTOR_LLM_FOLLOW_UPS", llmFollowUps);
    put(options, "TUTOR_LLM_ROUTING", llmRouting);
    put(options, "TUTOR_ANSWERS_PER_MINUTE", answersPerMinute);
    put(options, "DISCORD_GUILD_ID", discordGuildId);
    put(options, "DISCORD_REST_URL", discordRestUrl);
    put(options, "DISCORD_GATEWAY_URL", discordGatewayUrl);
    put(options, "DISCORD_MESSAGE_CONTENT", discordMessageContent);
    put(options, "TUTOR_HTTP_PORT", httpPort);
    put(options, "TUTOR_HTTP_HOST", httpHost);
    put(options, "DISCORD_SHARDS_TOTAL", discordShardsTotal);
    put(options, "DISCORD_SHARDS", discordShards);
    return environment.with(options);
  }

  private static void put(Map<String, String> options, String setting, Object value) {
    if (value != null) {
      options.put(setting, value.toString());
    }
  }

  @Override
  public Integer call() throws Exception {
    return MainJob.run(config());
  }
}
