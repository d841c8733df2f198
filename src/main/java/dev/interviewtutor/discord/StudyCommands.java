package dev.interviewtutor.discord;

import dev.interviewtutor.grading.KnowledgeSearch;
import dev.interviewtutor.practice.PracticeService;
import java.util.List;

/**
 * The study-group commands: the daily question, leaderboards, stats, explain and forget-me. They need the practice
 * engine; add them to the bot with {@code TutorBot.start(config, services, intent, ctx -> concat(Commands.all(ctx),
 * StudyCommands.all(ctx, ...)))} and start a {@link DailyQuizScheduler} on the bot's JDA.
 */
public final class StudyCommands {
  private StudyCommands() {}

  public static List<SlashCommand> all(BotContext context, PracticeService practice, KnowledgeSearch search,
      DailyPublisher publisher) {
    return List.of(new DailyCommand(context, practice, publisher), new LeaderboardCommand(practice),
        new StatsCommand(context, practice), new ExplainCommand(context, search), new ForgetMeCommand(practice));
  }
}
