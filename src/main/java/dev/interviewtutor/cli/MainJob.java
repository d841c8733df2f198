package dev.interviewtutor.cli;

import dev.interviewtutor.config.TutorConfig;
import dev.interviewtutor.discord.BotLauncher;
import dev.interviewtutor.practice.PracticeService;

/**
 * What {@code java -jar interview-tutor.jar} does with no subcommand: the Discord bot when {@code
 * DISCORD_TOKEN} is set, otherwise a mock interview in the terminal (resuming an interrupted one).
 */
final class MainJob {
  private MainJob() {}

  static int run(TutorConfig config) {
    if (config.discordConfigured()) {
      return runBot(config);
    }
    return runTerminal(config);
  }

  /** The Discord branch (owned by the Discord front-end). */
  static int runBot(TutorConfig config) {
    return BotLauncher.run(config, System.out, System.err);
  }

  /** The terminal branch: the embedded defaults (knowledge/, data/tutor.db, offline grader). */
  static int runTerminal(TutorConfig config) {
    System.out.println(
        "To run Interview Tutor as a Discord bot instead, set DISCORD_TOKEN (see README).");
    try (TerminalSession session = TerminalSession.open(config, true)) {
      return session.tutor().interview(null, PracticeService.DEFAULT_INTERVIEW_LENGTH, false);
    }
  }
}
