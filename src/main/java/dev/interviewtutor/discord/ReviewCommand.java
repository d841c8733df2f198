package dev.interviewtutor.discord;

import dev.interviewtutor.knowledge.Question;
import dev.interviewtutor.store.AttemptKind;
import dev.interviewtutor.store.Person;
import dev.interviewtutor.store.Scope;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/** {@code /review}: the person's due spaced-repetition questions, one at a time, privately. */
final class ReviewCommand extends SingleQuestionCommand {
  ReviewCommand(BotContext ctx) {
    super(ctx);
  }

  @Override
  public String name() {
    return "review";
  }

  @Override
  public SlashCommandData definition() {
    return Commands.slash(
        "review", "Your questions due for spaced-repetition review, one at a time");
  }

  @Override
  AttemptKind kind() {
    return AttemptKind.REVIEW;
  }

  @Override
  Optional<Question> next(Person person, Scope place, String topic, String after) {
    List<Question> due = practice().dueReviews(person, place);
    // A skipped question stays due; show the next one after it.
    return due.stream().filter(q -> !q.id().equals(after)).findFirst();
  }

  @Override
  String nothingLeft() {
    return "Nothing is due for review right now. 🎉 Come back tomorrow, or use /quiz for more practice.";
  }

  @Override
  public void onSlash(SlashCommandInteractionEvent event) {
    ctx.grading()
        .deferred(
            "/review",
            event,
            true,
            hook -> {
              Person person = People.person(practice(), event.getUser());
              Scope place = People.place(practice(), event.getGuild());
              List<Question> due = practice().dueReviews(person, place);
              Replies.editOriginal(
                  hook,
                  due.isEmpty()
                      ? MessageEditData.fromContent(nothingLeft())
                      : MessageEditData.fromCreateData(
                          new MessageCreateBuilder()
                              .applyData(questionMessage(event.getUser(), place, due.get(0), ""))
                              .setContent(due.size() + " question(s) due for review.")
                              .build()));
            });
  }

  @Override
  void ask(IReplyCallback event, Function<Scope, String> topicIn, String after, boolean ephemeral) {
    super.ask(event, topicIn, after, true);
  }
}
