package dev.interviewtutor.cli;

import dev.interviewtutor.App;
import dev.interviewtutor.config.TutorConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.IntSupplier;

/**
 * One in-process run of the command line: its exit code and what it printed (System.out/err are
 * restored).
 */
record CliRun(int code, String out, String err) {
  /** With the configuration of the real environment, as {@code java -jar} would. */
  static CliRun of(String... args) {
    return capture(() -> App.run(args));
  }

  /** With a given environment configuration (options on the command line still apply). */
  static CliRun of(TutorConfig environment, String... args) {
    return capture(() -> App.run(environment, args));
  }

  private static CliRun capture(IntSupplier run) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = run.getAsInt();
      return new CliRun(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }
}
