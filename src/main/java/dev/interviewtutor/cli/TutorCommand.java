package dev.interviewtutor.cli;

import dev.interviewtutor.config.TutorConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The root command. With no subcommand it runs the main job: the Discord bot when {@code DISCORD_TOKEN} is set,
 * otherwise the terminal tutor. Global options override the environment.
 */
@Command(
    name = "tutor",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Interview Tutor: mock interviews and quizzes graded offline or by an LLM.",
    subcommands = {
      GradeCommand.class,
      EvalCommand.class,
      BenchCommand.class,
      BotCommand.class,
      BankCommand.class,
      PracticeCommand.class,
      ReviewCommand.class,
      StatsCommand.class,
      LeaderboardCommand.class,
      ForgetMeCommand.class,
      BenchStoreCommand.class
    })
public final class TutorCommand implements Callable<Integer> {

  @Option(names = "--db", scope = ScopeType.INHERIT, description = "SQLite database file (env TUTOR_DB, default data/tutor.db)")
  Path db;

  @Option(names = "--knowledge", scope = ScopeType.INHERIT, description = "Directory of question banks (env TUTOR_KNOWLEDGE, default knowledge)")
  Path knowledge;

  @Option(names = "--prompts", scope = ScopeType.INHERIT, description = "Directory of LLM prompt templates (env TUTOR_PROMPTS, default prompts)")
  Path prompts;

  private final TutorConfig environment;

  public TutorCommand(TutorConfig environment) {
    this.environment = environment;
  }

  /** The configuration: environment values overridden by any global option given. */
  public TutorConfig config() {
    TutorConfig config = environment;
    if (db != null) {
      config = config.withDb(db);
    }
    if (knowledge != null) {
      config = config.withKnowledgeDir(knowledge);
    }
    if (prompts != null) {
      config = config.withPromptsDir(prompts);
    }
    return config;
  }

  @Override
  public Integer call() throws Exception {
    return MainJob.run(config());
  }
}
