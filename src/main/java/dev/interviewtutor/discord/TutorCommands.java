package dev.interviewtutor.discord;

import dev.interviewtutor.grading.KnowledgeSearch;
import java.util.ArrayList;
import java.util.List;

/** The bot's command set (named apart from JDA's {@code Commands}, the slash-command builder). */
public final class TutorCommands {
  private TutorCommands() {}

  public static List<SlashCommand> all(BotContext context) {
    List<SlashCommand> all =
        new ArrayList<>(
            List.of(
                new QuizCommand(context),
                new InterviewCommand(context),
                new ReviewCommand(context),
                new TutorInfoCommand(context),
                new TutorAdminCommand(context),
                new BankCommand(context)));
    var practice = context.services().practice();
    all.addAll(
        StudyCommands.all(
            context,
            practice,
            KnowledgeSearch.withDefaultModel(practice.bank()),
            new DailyPublisher(practice)));
    return List.copyOf(all);
  }
}
