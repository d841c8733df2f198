package dev.interviewtutor.discord;

import dev.interviewtutor.config.TutorConfig;
import java.time.Duration;

/**
 * The bot as its own process for the SIGTERM tests: the real launcher with the test bank and a
 * grader that takes 800 ms, so a grade is still in flight when the signal arrives. With the
 * argument {@code stuck} the grader takes ten minutes and the stop waits one second for it: the
 * drain times out.
 */
public final class BotProcessMain {
  private BotProcessMain() {}

  public static void main(String[] args) {
    TutorConfig config = TutorConfig.fromEnvironment(System.getenv());
    boolean stuck = args.length > 0 && args[0].equals("stuck");
    Duration grading = stuck ? Duration.ofMinutes(10) : Duration.ofMillis(800);
    int code =
        BotLauncher.run(
            config,
            System.out,
            System.err,
            c -> BotHarness.services(c, new FixedGrader(grading)),
            true,
            stuck ? Duration.ofSeconds(1) : TutorBot.DRAIN);
    System.exit(code);
  }
}
