package dev.interviewtutor.discord;

import java.util.List;

/** The bot's command set. */
public final class Commands {
  private Commands() {}

  public static List<SlashCommand> all(BotContext context) {
    return List.of(new QuizCommand(context), new InterviewCommand(context), new ReviewCommand(context),
        new TutorInfoCommand(context), new TutorAdminCommand(context));
  }
}
