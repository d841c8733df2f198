package dev.interviewtutor.discord;

import dev.interviewtutor.UserFacingException;
import dev.interviewtutor.grading.AnswerPolicy;
import dev.interviewtutor.practice.DailyAnswerResult;
import dev.interviewtutor.practice.DailyPost;
import dev.interviewtutor.practice.DailyQuiz;
import dev.interviewtutor.practice.PracticeService;
import dev.interviewtutor.store.Person;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;

/**
 * The daily question's components, open to every member: the Answer button (the sealed answer if
 * there is one, otherwise the form), the answer form (graded once, sealed until the reveal), and
 * "share my answer at the reveal". Their ids carry {@link DailyCommand#NAME}; {@link DailyCommand}
 * hands them here.
 */
final class DailyAnswers {
  static final String ANSWER_FIELD = "answer";

  private final BotContext context;
  private final PracticeService practice;
  private final DailyQuiz daily;

  DailyAnswers(BotContext context, PracticeService practice) {
    this.context = context;
    this.practice = practice;
    this.daily = practice.daily();
  }

  void onButton(ButtonInteractionEvent event, ComponentId id) {
    long postId;
    try {
      postId = Long.parseLong(id.arg(0));
    } catch (NumberFormatException e) {
      event.reply(CommandRouter.OLD_VERSION).setEphemeral(true).queue();
      return;
    }
    Person person = person(practice, event.getUser(), event.getMember());
    switch (id.action()) {
      case "answer" -> answerButton(event, postId, person);
      case "share", "unshare" -> {
        boolean share = id.action().equals("share");
        boolean changed = daily.setShared(postId, person, share);
        event
            .reply(
                !changed
                    ? "Too late: this question has been revealed already."
                    : share
                        ? "Your answer will be shown (with your name) in the reveal thread."
                        : "Your answer stays private; only your name and score can appear among the top scorers.")
            .setEphemeral(true)
            .setComponents(
                changed
                    ? List.of(ActionRow.of(shareButton(event.getUser().getIdLong(), postId, share)))
                    : List.of())
            .queue();
      }
      default -> event.reply(CommandRouter.OLD_VERSION).setEphemeral(true).queue();
    }
  }

  private void answerButton(ButtonInteractionEvent event, long postId, Person person) {
    DailyPost post;
    try {
      post = daily.post(postId);
    } catch (UserFacingException e) {
      event.reply("This daily question no longer exists.").setEphemeral(true).queue();
      return;
    }
    Optional<DailyAnswerResult> mine = daily.myAnswer(postId, person);
    if (mine.isPresent()) {
      event
          .replyEmbeds(
              DailyEmbeds.sealed(mine.get().answer().orElseThrow(), false, mine.get().shared()))
          .setEphemeral(true)
          .queue();
      return;
    }
    if (post.revealed()) {
      event
          .reply(
              "Answers to this question are closed: the result has been revealed. Wait for the next one!")
          .setEphemeral(true)
          .queue();
      return;
    }
    TextInput input =
        TextInput.create(ANSWER_FIELD, TextInputStyle.PARAGRAPH)
            .setRequired(true)
            .setMinLength(1)
            .setMaxLength(AnswerPolicy.MAX_CHARS)
            .setPlaceholder("Explain it as you would in an interview")
            .build();
    Modal modal =
        Modal.create(
                ComponentId.of(
                        DailyCommand.NAME,
                        event.getUser().getIdLong(),
                        "submit",
                        Long.toString(postId))
                    .encode(),
                "Daily question")
            .addComponents(
                Label.of(
                    Limits.fit("Your answer (only the first counts)", Limits.MODAL_LABEL), input))
            .build();
    event.replyModal(modal).queue();
  }

  void onModal(ModalInteractionEvent event, ComponentId id) {
    long postId = Long.parseLong(id.arg(0));
    var value = event.getValue(ANSWER_FIELD);
    String text = value == null ? "" : value.getAsString();
    if (text.length() > AnswerPolicy.MAX_CHARS) {
      event
          .reply(
              "That answer is "
                  + text.length()
                  + " characters; the limit is "
                  + AnswerPolicy.MAX_CHARS
                  + ". Please shorten it.")
          .setEphemeral(true)
          .queue();
      return;
    }
    Optional<Duration> wait = context.limiter().tryAcquire(event.getUser().getIdLong());
    if (wait.isPresent()) {
      event.reply(context.limiter().refusal(wait.get())).setEphemeral(true).queue();
      return;
    }
    long userId = event.getUser().getIdLong();
    context
        .grading()
        .deferred(
            "daily answer",
            event,
            true,
            hook -> {
              Person person = person(practice, event.getUser(), event.getMember());
              DailyAnswerResult result = daily.answer(postId, person, text, false);
              switch (result.status()) {
                case CLOSED ->
                    Replies.editOriginal(
                        hook, "Answers to this question are closed: the result has been revealed.");
                case ACCEPTED, ALREADY_ANSWERED ->
                    Replies.editOriginal(
                        hook,
                        new MessageEditBuilder()
                            .setEmbeds(
                                DailyEmbeds.sealed(
                                    result.answer().orElseThrow(),
                                    result.status() == DailyAnswerResult.Status.ACCEPTED,
                                    result.shared()))
                            .setComponents(
                                ActionRow.of(shareButton(userId, postId, result.shared())))
                            .build());
              }
            });
  }

  static Button shareButton(long userId, long postId, boolean sharedNow) {
    return sharedNow
        ? Button.secondary(
            ComponentId.of(DailyCommand.NAME, userId, "unshare", Long.toString(postId)).encode(),
            "Keep my answer private")
        : Button.secondary(
            ComponentId.of(DailyCommand.NAME, userId, "share", Long.toString(postId)).encode(),
            "Share my answer at the reveal");
  }

  /** The person behind a member (their server name) or a user. */
  static Person person(PracticeService practice, User user, Member member) {
    String name = member != null ? member.getEffectiveName() : user.getEffectiveName();
    return practice.person(Person.discordKey(user.getIdLong()), name);
  }
}
