package dev.interviewtutor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code tutor stats}: the local profile's progress. */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description = "Answers, average, streaks and mastery per topic and question.")
public final class StatsCommand implements Callable<Integer> {
  @ParentCommand TutorCommand root;

  @Override
  public Integer call() {
    try (TerminalSession session = TerminalSession.open(root.config(), false)) {
      return session.tutor().stats();
    }
  }
}
