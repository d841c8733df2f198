package dev.interviewtutor.discord;

import dev.interviewtutor.UserFacingException;
import dev.interviewtutor.knowledge.KeyPoint;
import dev.interviewtutor.knowledge.Question;
import dev.interviewtutor.practice.AnswerResult;
import dev.interviewtutor.practice.PracticeService;
import dev.interviewtutor.store.AttemptKind;
import dev.interviewtutor.store.Person;
import dev.interviewtutor.store.Scope;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * One question at a time with Answer / Hint / Skip buttons, the grade back ephemerally with Model
 * answer and Next: the shape of {@code /quiz} and {@code /review}. Component args are the question
 * id and the topic ("-" for any).
 */
abstract class SingleQuestionCommand implements SlashCommand {
  protected final BotContext ctx;

  SingleQuestionCommand(BotContext ctx) {
    this.ctx = ctx;
  }

  abstract AttemptKind kind();

  /** The question to ask next, empty when there is none (nothing due). */
  abstract Optional<Question> next(Person person, Scope place, String topic, String after);

  abstract String nothingLeft();

  PracticeService practice() {
    return ctx.services().practice();
  }

  /**
   * Acknowledges first, then picks the next question (database work) and shows it in the deferred
   * reply.
   */
  void ask(IReplyCallback event, String topic, String after, boolean ephemeral) {
    ask(event, place -> topic, after, ephemeral);
  }

  /**
   * Like {@link #ask(IReplyCallback, String, String, boolean)}, the topic found after the
   * acknowledgement from the place the command is used in (a typed topic checked against the
   * place's topics, a button's topic argument).
   */
  void ask(IReplyCallback event, Function<Scope, String> topicIn, String after, boolean ephemeral) {
    ctx.grading()
        .deferred(
            "/" + name() + " question",
            event,
            ephemeral,
            hook -> {
              Person person = People.person(practice(), event.getUser());
              Scope place = People.place(practice(), event.getGuild());
              String topic = topicIn.apply(place);
              Optional<Question> question = next(person, place, topic, after);
              Replies.editOriginal(
                  hook,
                  question.isEmpty()
                      ? MessageEditData.fromContent(nothingLeft())
                      : MessageEditData.fromCreateData(
                          questionMessage(event.getUser(), place, question.get(), topic)));
            });
  }

  /** Like {@link #ask} from a button: the topic argument is resolved after the acknowledgement. */
  void askAfterButton(IReplyCallback event, String topicArg, String after) {
    ask(event, place -> topicOf(place, topicArg), after, false);
  }

  MessageCreateData questionMessage(User user, Scope place, Question q, String topic) {
    String t = topicArg(place, topic);
    long owner = user.getIdLong();
    return new MessageCreateBuilder()
        .setEmbeds(Embeds.question(q, heading(user)))
        .setComponents(
            ActionRow.of(
                Button.primary(
                    ComponentId.of(name(), owner, "answer", q.id(), t).encode(), "Answer"),
                Button.secondary(ComponentId.of(name(), owner, "hint", q.id(), t).encode(), "Hint"),
                Button.secondary(
                    ComponentId.of(name(), owner, "skip", q.id(), t).encode(), "Skip")))
        .build();
  }

  String heading(User user) {
    return (kind() == AttemptKind.REVIEW ? "Review for " : "Quiz for ") + user.getEffectiveName();
  }

  @Override
  public void onButton(ButtonInteractionEvent event, ComponentId id) {
    Question q = practice().question(id.arg(0));
    switch (id.action()) {
      case "answer" ->
          event
              .replyModal(
                  AnswerFlow.answerModal(
                      ComponentId.of(name(), id.owner(), "submit", q.id(), id.arg(1)),
                      "Q" + q.id() + ". " + q.title()))
              .queue();
      case "hint" -> {
        // Kept in the database per person and question, so the score cap applies whichever Answer
        // button is
        // used, and after a restart.
        Person person = People.person(practice(), event.getUser());
        Optional<KeyPoint> hint = practice().revealHint(person, q);
        if (hint.isEmpty()) {
          event
              .reply("No more hints for this one: every key point has been shown.")
              .setEphemeral(true)
              .queue();
        } else {
          event
              .replyEmbeds(Embeds.hint(q, hint.get(), practice().hintsShown(person, q)))
              .setEphemeral(true)
              .queue();
        }
      }
      case "skip", "next" -> askAfterButton(event, id.arg(1), q.id());
      case "model" -> {
        var rubric = practice().rubric(q);
        event
            .replyEmbeds(Embeds.modelAnswer(q, rubric.referenceAnswer(), q.tip()))
            .setEphemeral(true)
            .queue();
      }
      default -> event.reply("That button no longer does anything.").setEphemeral(true).queue();
    }
  }

  @Override
  public void onModal(ModalInteractionEvent event, ComponentId id) {
    var value = event.getValue(AnswerFlow.ANSWER_FIELD);
    String answer = value == null ? "" : value.getAsString();
    Question q = practice().question(id.arg(0));
    User user = event.getUser();
    AnswerFlow.gradeDeferred(
        ctx,
        event,
        answer,
        true,
        () -> {
          Person person = People.person(practice(), user);
          Scope scope = People.scope(practice(), event.getGuild(), user);
          AnswerResult result = practice().answerAfterHints(person, scope, q, answer, kind());
          return new MessageEditBuilder()
              .setEmbeds(Embeds.grade(result, "Q" + q.id() + ". " + q.title()))
              .setComponents(
                  ActionRow.of(
                      Button.secondary(
                          ComponentId.of(name(), id.owner(), "model", q.id(), id.arg(1)).encode(),
                          "Model answer"),
                      Button.primary(
                          ComponentId.of(name(), id.owner(), "next", q.id(), id.arg(1)).encode(),
                          "Next")))
              .build();
        });
  }

  /**
   * The topic as a button argument: its index among the bank's topics ("-" for any), as the
   * leaderboard does, so a long topic or one with a ':' survives the round trip (a component id has
   * 100 characters at most).
   */
  String topicArg(Scope place, String topic) {
    if (topic == null || topic.isBlank()) {
      return "-";
    }
    List<String> topics = practice().topics(place);
    for (int i = 0; i < topics.size(); i++) {
      if (topics.get(i).equalsIgnoreCase(topic.strip())) {
        return Integer.toString(i);
      }
    }
    return "-";
  }

  /**
   * The topic a button argument stands for; empty for any (or a topic index the bank no longer
   * has).
   */
  String topicOf(Scope place, String arg) {
    if (arg == null || arg.isEmpty() || arg.equals("-")) {
      return "";
    }
    if (arg.chars().allMatch(Character::isDigit) && arg.length() < 6) {
      List<String> topics = practice().topics(place);
      int index = Integer.parseInt(arg);
      return index < topics.size() ? topics.get(index) : "";
    }
    // A button from before topics travelled as indexes: the topic's text itself.
    return arg;
  }

  /** A topic typed by a person, checked against the topics the place sees (case-insensitive). */
  static String checkTopic(PracticeService practice, Scope place, String topic) {
    if (topic == null || topic.isBlank()) {
      return "";
    }
    List<String> topics = practice.topics(place);
    return topics.stream()
        .filter(t -> t.equalsIgnoreCase(topic.strip()))
        .findFirst()
        .orElseThrow(
            () ->
                new UserFacingException(
                    "There is no topic '"
                        + Limits.fit(topic, 50)
                        + "'. Topics: "
                        + String.join(", ", topics)
                        + "."));
  }

  /**
   * Autocomplete choices: the place's topics (or "id title" for its questions) containing what was
   * typed.
   */
  static List<Command.Choice> topicChoices(PracticeService practice, Scope place, String typed) {
    return AutocompleteChoices.topics(practice.topics(place), typed);
  }

  static List<Command.Choice> questionChoices(
      PracticeService practice, Scope place, String topic, String typed) {
    return AutocompleteChoices.questions(practice.bank(place), topic, typed);
  }

  /** The question after {@code after} in bank order within the topic, wrapping around. */
  Optional<Question> followingInBank(Scope place, String topic, String after) {
    List<Question> pool = practice().bank(place).byTopic(topic);
    if (pool.isEmpty()) {
      return Optional.empty();
    }
    for (int i = 0; i < pool.size(); i++) {
      if (pool.get(i).id().equals(after)) {
        return Optional.of(pool.get((i + 1) % pool.size()));
      }
    }
    return Optional.of(pool.get(0));
  }

  @Override
  public void onSlash(SlashCommandInteractionEvent event) {
    throw new UnsupportedOperationException();
  }
}
