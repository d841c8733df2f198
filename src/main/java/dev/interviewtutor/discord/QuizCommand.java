package dev.interviewtutor.discord;

import dev.interviewtutor.knowledge.Question;
import dev.interviewtutor.store.AttemptKind;
import dev.interviewtutor.store.Person;
import dev.interviewtutor.store.Scope;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * {@code /quiz [topic] [question]}: one question with Answer / Hint / Skip; the grade comes back
 * ephemerally.
 */
final class QuizCommand extends SingleQuestionCommand {
  QuizCommand(BotContext ctx) {
    super(ctx);
  }

  @Override
  public String name() {
    return "quiz";
  }

  @Override
  public SlashCommandData definition() {
    return Commands.slash("quiz", "Answer one interview question")
        .addOption(OptionType.STRING, "topic", "Only questions of this topic", false, true)
        .addOption(OptionType.STRING, "question", "A specific question", false, true);
  }

  @Override
  AttemptKind kind() {
    return AttemptKind.PRACTICE;
  }

  @Override
  Optional<Question> next(Person person, Scope place, String topic, String after) {
    if (after != null) {
      Question suggested = practice().nextQuestion(person, place, topic);
      return suggested.id().equals(after)
          ? followingInBank(place, topic, after)
          : Optional.of(suggested);
    }
    return Optional.of(practice().nextQuestion(person, place, topic));
  }

  @Override
  String nothingLeft() {
    return "There are no questions for that topic.";
  }

  @Override
  public void onSlash(SlashCommandInteractionEvent event) {
    // An unknown topic is refused at once, privately. The place's topics are a read (never a write,
    // which could
    // wait for the database before the acknowledgement); the question itself is picked after it.
    Scope place = People.place(practice(), event.getGuild());
    String topic =
        checkTopic(practice(), place, event.getOption("topic", OptionMapping::getAsString));
    String questionId = event.getOption("question", OptionMapping::getAsString);
    if (questionId != null && !questionId.isBlank()) {
      // A named question needs no database (the bank is in memory): the question itself is the
      // acknowledgement,
      // one REST call as quick as a deferral, instead of a deferral and then an edit competing with
      // other acks.
      event
          .reply(
              questionMessage(
                  event.getUser(), place, practice().question(place, questionId.strip()), topic))
          .setAllowedMentions(List.of())
          .queue();
      return;
    }
    ask(event, topic, null, false);
  }

  @Override
  public void onAutocomplete(CommandAutoCompleteInteractionEvent event) {
    String typed = event.getFocusedOption().getValue();
    Scope place = People.place(practice(), event.getGuild());
    if (event.getFocusedOption().getName().equals("question")) {
      String topic = event.getOption("topic", "", OptionMapping::getAsString);
      boolean known = practice().topics(place).stream().anyMatch(t -> t.equalsIgnoreCase(topic));
      event.replyChoices(questionChoices(practice(), place, known ? topic : "", typed)).queue();
    } else {
      event.replyChoices(topicChoices(practice(), place, typed)).queue();
    }
  }
}
