package dev.interviewtutor.discord;

import dev.interviewtutor.knowledge.KeyPoint;
import dev.interviewtutor.practice.InterviewState;
import dev.interviewtutor.practice.PracticeService;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * The interview's buttons (Answer, Hint, Skip, Stop; Answer follow-up, Skip follow-up) and its
 * answer forms. Their ids carry the session and the question's position, so a stale button says
 * where the person is instead of acting on another question.
 */
final class InterviewButtons {
  private final BotContext ctx;
  private final PendingFollowUps pending;
  private final InterviewAnswers answers;

  InterviewButtons(BotContext ctx, PendingFollowUps pending, InterviewAnswers answers) {
    this.ctx = ctx;
    this.pending = pending;
    this.answers = answers;
  }

  private PracticeService practice() {
    return ctx.services().practice();
  }

  void onButton(ButtonInteractionEvent event, ComponentId id) {
    long sessionId = Long.parseLong(id.arg(0));
    if (id.action().startsWith("follow-up")) {
      onFollowUpButton(event, id, sessionId);
      return;
    }
    InterviewState state = practice().interview(sessionId);
    if (state.finished()) {
      event
          .reply("This interview is over. Start a new one with /interview start.")
          .setEphemeral(true)
          .queue();
      return;
    }
    if (!id.action().equals("stop") && state.position() != Integer.parseInt(id.arg(1))) {
      event
          .reply(
              "That question is already done; you're on question "
                  + (state.position() + 1)
                  + " of "
                  + state.total()
                  + ".")
          .setEphemeral(true)
          .queue();
      return;
    }
    switch (id.action()) {
      case "answer" ->
          event
              .replyModal(
                  AnswerFlow.answerModal(
                      ComponentId.of(
                          InterviewCommand.NAME, id.owner(), "submit", id.arg(0), id.arg(1)),
                      "Question " + (state.position() + 1) + " of " + state.total()))
              .queue();
      case "hint" -> {
        InterviewState after = practice().hintInterview(sessionId);
        List<KeyPoint> hints = after.hints();
        if (hints.size() == state.hints().size()) {
          event
              .reply("No more hints for this one: every key point has been shown.")
              .setEphemeral(true)
              .queue();
        } else {
          event
              .replyEmbeds(
                  Embeds.hint(
                      after.current().orElseThrow(), hints.get(hints.size() - 1), hints.size()))
              .setEphemeral(true)
              .queue();
        }
      }
      case "skip" ->
          event
              .reply(InterviewMessages.turn(event.getUser(), practice().skipInterview(sessionId)))
              .queue();
      case "stop" ->
          event
              .replyEmbeds(
                  Embeds.summary(
                      practice().stopInterview(sessionId), event.getUser().getEffectiveName()))
              .queue();
      default -> event.reply("That button no longer does anything.").setEphemeral(true).queue();
    }
  }

  private void onFollowUpButton(ButtonInteractionEvent event, ComponentId id, long sessionId) {
    Optional<PendingFollowUps.Pending> waiting = pending.at(sessionId, Integer.parseInt(id.arg(1)));
    if (waiting.isEmpty()) {
      event.reply(answers.expired(event.getUser(), sessionId)).setEphemeral(true).queue();
      return;
    }
    switch (id.action()) {
      case "follow-up-answer" ->
          event
              .replyModal(
                  AnswerFlow.answerModal(
                      ComponentId.of(
                          InterviewCommand.NAME,
                          id.owner(),
                          "follow-up-submit",
                          id.arg(0),
                          id.arg(1)),
                      "Follow-up"))
              .queue();
      case "follow-up-skip" ->
          answers
              .skipFollowUp(event.getUser(), waiting.get())
              .ifPresentOrElse(
                  next -> event.reply(next).queue(),
                  () ->
                      event
                          .reply(answers.expired(event.getUser(), sessionId))
                          .setEphemeral(true)
                          .queue());
      default -> event.reply("That button no longer does anything.").setEphemeral(true).queue();
    }
  }

  /** An answer form sent: the interview question's, or a follow-up's. */
  void onModal(ModalInteractionEvent event, ComponentId id) {
    long sessionId = Long.parseLong(id.arg(0));
    int position = Integer.parseInt(id.arg(1));
    var value = event.getValue(AnswerFlow.ANSWER_FIELD);
    String answer = value == null ? "" : value.getAsString();
    User user = event.getUser();
    if (id.action().equals("follow-up-submit")) {
      if (pending.at(sessionId, position).isEmpty()) {
        event.reply(answers.expired(user, sessionId)).setEphemeral(true).queue();
        return;
      }
      AnswerFlow.gradeDeferred(
          ctx,
          event,
          answer,
          false,
          () ->
              MessageEditData.fromCreateData(
                  answers.followUpReply(user, sessionId, position, answer)));
      return;
    }
    AnswerFlow.gradeDeferred(
        ctx,
        event,
        answer,
        false,
        () ->
            MessageEditData.fromCreateData(
                InterviewMessages.turn(
                    user,
                    answers.answer(
                        sessionId,
                        position,
                        answer,
                        user,
                        People.scope(practice(), event.getGuild(), user)))));
  }
}
