package dev.interviewtutor.cli;

import dev.interviewtutor.config.TutorConfig;

/** What {@code java -jar interview-tutor.jar} does with no subcommand. */
final class MainJob {
  private MainJob() {}

  static int run(TutorConfig config) {
    System.out.println("Interview Tutor " + VersionProvider.version());
    return 0;
  }
}
