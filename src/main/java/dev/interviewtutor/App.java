package dev.interviewtutor;

import dev.interviewtutor.cli.TutorCommand;
import dev.interviewtutor.config.ConfigException;
import dev.interviewtutor.config.TutorConfig;
import picocli.CommandLine;

/** Entry point: reads the environment, then hands the arguments to picocli. */
public final class App {
  private App() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code (used by tests that run the CLI in-process). */
  public static int run(String... args) {
    TutorConfig environment;
    try {
      environment = TutorConfig.fromEnvironment(System.getenv());
    } catch (ConfigException e) {
      System.err.println("Configuration error: " + e.getMessage());
      return 2;
    }
    return run(environment, args);
  }

  /** Runs the command line with the given configuration in place of the environment's. */
  public static int run(TutorConfig environment, String... args) {
    CommandLine cli = new CommandLine(new TutorCommand(environment));
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (ex instanceof ConfigException || ex instanceof UserFacingException || ex instanceof OperatorException) {
            commandLine.getErr().println("Error: " + ex.getMessage());
            return 2;
          }
          throw ex;
        });
    return cli.execute(args);
  }
}
