package dev.interviewtutor.discord;

import dev.interviewtutor.grading.KnowledgeSearch;
import dev.interviewtutor.practice.PracticeService;
import java.util.List;

/**
 * The study-group commands: the daily question, leaderboards, stats, explain and forget-me (part of
 * {@link TutorCommands#all}). The daily posts themselves come from a {@link DailyQuizScheduler} on
 * the bot's JDA, which {@link BotLauncher} starts.
 */
public final class StudyCommands {
  private StudyCommands() {}

  public static List<SlashCommand> all(
      BotContext context,
      PracticeService practice,
      KnowledgeSearch search,
      DailyPublisher publisher) {
    return List.of(
        new DailyCommand(context, practice, publisher),
        new LeaderboardCommand(practice),
        new StatsCommand(context, practice),
        new ExplainCommand(
            context, new PlaceSearch(practice, search, KnowledgeSearch::withDefaultModel)),
        new ForgetMeCommand(practice));
  }
}
