package dev.interviewtutor.cli;

import dev.interviewtutor.UserFacingException;
import dev.interviewtutor.practice.Period;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code tutor leaderboard [--period week|month|all] [--topic T] [--page N]}: the terminal scope's
 * board.
 */
@Command(
    name = "leaderboard",
    mixinStandardHelpOptions = true,
    description = "Points of everyone on this machine.")
public final class LeaderboardCommand implements Callable<Integer> {
  @ParentCommand TutorCommand root;

  @Option(names = "--period", description = "week, month or all (default ${DEFAULT-VALUE})")
  String period = "week";

  @Option(names = "--topic", description = "Only points from questions of this topic")
  String topic;

  @Option(names = "--page", description = "Page of 10 (default ${DEFAULT-VALUE})")
  int page = 1;

  @Override
  public Integer call() {
    Period p;
    try {
      p = Period.parse(period);
    } catch (IllegalArgumentException e) {
      throw new UserFacingException("--period: " + e.getMessage());
    }
    if (page < 1) {
      throw new UserFacingException("--page must be 1 or more");
    }
    try (TerminalSession session = TerminalSession.open(root.config(), false)) {
      return session.tutor().leaderboard(p, topic, page, 10);
    }
  }
}
