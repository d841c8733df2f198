package dev.interviewtutor;

import dev.interviewtutor.cli.TutorCommand;
import dev.interviewtutor.cli.Utf8Arguments;
import dev.interviewtutor.config.ConfigException;
import dev.interviewtutor.config.TutorConfig;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Entry point: reads the environment, then hands the arguments to picocli. */
public final class App {
  private App() {}

  public static void main(String[] args) {
    // Read and write UTF-8 whatever the locale says: under LANG=C the JVM would print non-ASCII
    // text as '?'.
    System.setOut(
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
    System.setErr(
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
    // Under a non-UTF-8 locale the JVM has already turned non-ASCII arguments into '?': take them
    // back as typed.
    System.exit(run(Utf8Arguments.of(args, System.err)));
  }

  /**
   * Runs the command line and returns the exit code (used by tests that run the CLI in-process).
   */
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
    CommandLine cli = TutorCommand.commandLine(new TutorCommand(environment), args);
    // picocli's own writers use the locale's charset (ASCII under LANG=C): UTF-8, like System.out
    // and System.err.
    cli.setOut(utf8(System.out));
    cli.setErr(utf8(System.err));
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (ex instanceof ConfigException
              || ex instanceof UserFacingException
              || ex instanceof OperatorException) {
            commandLine.getErr().println("Error: " + ex.getMessage());
            return 2;
          }
          throw ex;
        });
    return cli.execute(args);
  }

  private static PrintWriter utf8(PrintStream stream) {
    return new PrintWriter(
        new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8)), true);
  }
}
