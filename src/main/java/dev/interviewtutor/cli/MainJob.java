package dev.interviewtutor.cli;

import dev.interviewtutor.config.TutorConfig;
import dev.interviewtutor.discord.BotLauncher;

/** What {@code java -jar interview-tutor.jar} does with no subcommand. */
final class MainJob {
  private MainJob() {}

  static int run(TutorConfig config) {
    if (config.discordConfigured()) {
      return BotLauncher.run(config, System.out, System.err);
    }
    System.out.println("Interview Tutor " + VersionProvider.version());
    return 0;
  }
}
