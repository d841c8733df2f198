package dev.interviewtutor.discord;

import dev.interviewtutor.config.TutorConfig;
import java.time.Duration;

/**
 * The bot as its own process for the SIGTERM test: the real launcher with the test bank and a grader that takes
 * 800 ms, so a grade is still in flight when the signal arrives.
 */
public final class BotProcessMain {
  private BotProcessMain() {}

  public static void main(String[] args) {
    TutorConfig config = TutorConfig.fromEnvironment(System.getenv());
    int code = BotLauncher.run(config, System.out, System.err,
        c -> BotHarness.services(c, new FixedGrader(Duration.ofMillis(800))), true);
    System.exit(code);
  }
}
