package dev.interviewtutor.discord;

import dev.interviewtutor.UserFacingException;
import dev.interviewtutor.grading.Grade;
import dev.interviewtutor.knowledge.Question;
import dev.interviewtutor.practice.InterviewState;
import dev.interviewtutor.practice.InterviewSummary;
import dev.interviewtutor.practice.InterviewTurn;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * How an interview looks on Discord: a question with its buttons, a graded turn, a follow-up and
 * what follows it, the summary.
 */
final class InterviewMessages {
  private InterviewMessages() {}

  /**
   * The grade of the answer (if any) with the next question and its buttons, or the summary at the
   * end.
   */
  static MessageCreateData turn(User user, InterviewTurn turn) {
    List<MessageEmbed> embeds = new ArrayList<>();
    turn.answer()
        .ifPresent(
            a ->
                embeds.add(
                    Embeds.grade(a, "Q" + a.question().id() + ". " + a.question().title(), true)));
    if (turn.followUp().isPresent() && turn.answer().isPresent()) {
      String sid = Long.toString(turn.next().sessionId());
      String pos = Integer.toString(turn.next().position() - 1); // the question just answered
      String then =
          turn.summary().isPresent()
              ? "your summary"
              : "question " + (turn.next().position() + 1) + " of " + turn.next().total();
      embeds.add(Embeds.followUp(turn.followUp().get(), then));
      long owner = user.getIdLong();
      return new MessageCreateBuilder()
          .setEmbeds(embeds)
          .setContent("One follow-up before " + then + ":")
          .setComponents(
              ActionRow.of(
                  Button.primary(
                      ComponentId.of(InterviewCommand.NAME, owner, "follow-up-answer", sid, pos)
                          .encode(),
                      "Answer follow-up"),
                  Button.secondary(
                      ComponentId.of(InterviewCommand.NAME, owner, "follow-up-skip", sid, pos)
                          .encode(),
                      "Skip follow-up")))
          .build();
    }
    if (turn.summary().isPresent()) {
      embeds.add(Embeds.summary(turn.summary().get(), user.getEffectiveName()));
      return new MessageCreateBuilder()
          .setEmbeds(embeds)
          .setContent("That's the end of the interview. Well done!")
          .build();
    }
    MessageCreateData next = question(user, turn.next());
    embeds.addAll(next.getEmbeds());
    return new MessageCreateBuilder()
        .setEmbeds(embeds)
        .setComponents(next.getComponents())
        .setContent(turn.answer().isPresent() ? "" : "Skipped.")
        .build();
  }

  static MessageCreateData question(User user, InterviewState state) {
    Question q =
        state.current().orElseThrow(() -> new UserFacingException("This interview is over."));
    long owner = user.getIdLong();
    String sid = Long.toString(state.sessionId());
    String pos = Integer.toString(state.position());
    return new MessageCreateBuilder()
        .setEmbeds(
            Embeds.question(
                q,
                "Question "
                    + (state.position() + 1)
                    + " of "
                    + state.total()
                    + " · "
                    + user.getEffectiveName()))
        .setComponents(
            ActionRow.of(
                Button.primary(
                    ComponentId.of(InterviewCommand.NAME, owner, "answer", sid, pos).encode(),
                    "Answer"),
                Button.secondary(
                    ComponentId.of(InterviewCommand.NAME, owner, "hint", sid, pos).encode(),
                    "Hint"),
                Button.secondary(
                    ComponentId.of(InterviewCommand.NAME, owner, "skip", sid, pos).encode(),
                    "Skip"),
                Button.danger(
                    ComponentId.of(InterviewCommand.NAME, owner, "stop", sid, pos).encode(),
                    "Stop")))
        .build();
  }

  /** The summary after the last question (or follow-up). */
  static MessageCreateData end(User user, InterviewSummary summary) {
    return new MessageCreateBuilder()
        .setEmbeds(Embeds.summary(summary, user.getEffectiveName()))
        .setContent("That's the end of the interview. Well done!")
        .build();
  }

  /** A follow-up's grade, then what comes next ({@code next}: the next question or the summary). */
  static MessageCreateData followUpGraded(Grade grade, MessageCreateData next) {
    List<MessageEmbed> embeds = new ArrayList<>();
    embeds.add(Embeds.followUpGrade(grade));
    embeds.addAll(next.getEmbeds());
    return new MessageCreateBuilder()
        .setEmbeds(embeds)
        .setComponents(next.getComponents())
        .setContent(next.getContent())
        .build();
  }

  static MessageCreateData followUpSkipped(MessageCreateData next) {
    return new MessageCreateBuilder().applyData(next).setContent("Follow-up skipped.").build();
  }

  /**
   * For a follow-up that is no longer waiting: the question the person is on, or that the interview
   * is over.
   */
  static MessageCreateData followUpOver(User user, InterviewState state) {
    if (state.finished()) {
      return MessageCreateData.fromContent(
          "That follow-up is over, and so is this interview. Start a new one "
              + "with /interview start.");
    }
    return new MessageCreateBuilder()
        .applyData(question(user, state))
        .setContent("That follow-up is over; carry on with the next question.")
        .build();
  }

  /** An interview picked up where the person left off (a second /interview start). */
  static MessageCreateData resumed(User user, InterviewState state) {
    return new MessageCreateBuilder()
        .applyData(question(user, state))
        .setContent(
            "You have an interview in progress; here is where you left off. Use /interview stop to end it.")
        .build();
  }

  /** The first question of a new interview. */
  static MessageCreateData started(User user, InterviewState state, String topic) {
    return new MessageCreateBuilder()
        .applyData(question(user, state))
        .setContent(
            "Mock interview: "
                + state.total()
                + " question(s)"
                + (topic.isBlank() ? "" : " on " + topic)
                + ". Answer with the button, or just type your answer here.")
        .build();
  }
}
