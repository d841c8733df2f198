package dev.interviewtutor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code tutor review}: the questions due for spaced repetition today. */
@Command(
    name = "review",
    mixinStandardHelpOptions = true,
    description = "Answer the questions due for review.")
public final class ReviewCommand implements Callable<Integer> {
  @ParentCommand TutorCommand root;

  @Override
  public Integer call() {
    try (TerminalSession session = TerminalSession.open(root.config(), false)) {
      return session.tutor().review();
    }
  }
}
