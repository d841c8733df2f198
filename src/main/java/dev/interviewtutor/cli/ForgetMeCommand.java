package dev.interviewtutor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code tutor forget-me [--yes]}: deletes everything stored about the local profile. */
@Command(
    name = "forget-me",
    mixinStandardHelpOptions = true,
    description = "Delete all your progress from the database (asks first).")
public final class ForgetMeCommand implements Callable<Integer> {
  @ParentCommand TutorCommand root;

  @Option(names = "--yes", description = "Do not ask for confirmation")
  boolean yes;

  @Override
  public Integer call() {
    try (TerminalSession session = TerminalSession.open(root.config(), false)) {
      return session.tutor().forgetMe(yes);
    }
  }
}
