package dev.interviewtutor.discord;

import dev.interviewtutor.practice.InterviewState;
import dev.interviewtutor.practice.PracticeService;
import dev.interviewtutor.store.Person;
import dev.interviewtutor.store.Scope;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * Interview answers typed as plain messages in the person's interview thread or in the DM with the
 * bot: the waiting follow-up's reply if there is one, otherwise the answer to the current question.
 * Graded on the pool; the result is a reply to the message that never pings its author.
 */
final class InterviewPlainAnswers {
  private final BotContext ctx;
  private final PendingFollowUps pending;
  private final InterviewAnswers answers;

  InterviewPlainAnswers(BotContext ctx, PendingFollowUps pending, InterviewAnswers answers) {
    this.ctx = ctx;
    this.pending = pending;
    this.answers = answers;
  }

  private PracticeService practice() {
    return ctx.services().practice();
  }

  /** Returns true when the message was an interview answer (taken, even if refused). */
  boolean onMessage(MessageReceivedEvent event) {
    boolean dm = event.getChannelType() == ChannelType.PRIVATE;
    if (!dm
        && !InterviewPlace.isInterviewThread(
            event.getChannel(), event.getJDA().getSelfUser().getIdLong())) {
      return false;
    }
    User user = event.getAuthor();
    Optional<Person> person = practice().findPerson(Person.discordKey(user.getIdLong()));
    if (person.isEmpty()) {
      return false;
    }
    Scope scope = People.scope(practice(), dm ? null : event.getGuild(), user);
    Optional<InterviewState> active = practice().activeInterview(person.get(), scope);
    // A follow-up waiting for this person here: of the active interview, or of one its last answer
    // ended.
    Optional<PendingFollowUps.Pending> followUp =
        active.isPresent()
            ? pending.of(active.get().sessionId())
            : pending.of(user.getIdLong(), scope);
    if (active.isEmpty() && followUp.isEmpty()) {
      return false;
    }
    Message message = event.getMessage();
    String content = message.getContentRaw();
    if (content.isBlank() && !dm) {
      replyTo(
          message,
          MessageCreateData.fromContent(
              "I can't read messages here (the Message Content intent is "
                  + "off), so use the Answer button on the question."));
      return true;
    }
    Optional<String> refusal = AnswerFlow.refusal(ctx, user.getIdLong(), content);
    if (refusal.isPresent()) {
      replyTo(message, MessageCreateData.fromContent(refusal.get()));
      return true;
    }
    event.getChannel().sendTyping().queue(null, e -> {});
    if (followUp.isPresent()) {
      long followUpSession = followUp.get().sessionId();
      int followUpPosition = followUp.get().position();
      ctx.grading()
          .submit(
              "plain follow-up answer " + message.getId(),
              () ->
                  replyTo(
                      message,
                      answers.followUpReply(user, followUpSession, followUpPosition, content)),
              failure -> replyTo(message, MessageCreateData.fromContent(failure)));
      return true;
    }
    long sessionId = active.get().sessionId();
    int position = active.get().position();
    ctx.grading()
        .submit(
            "plain interview answer " + message.getId(),
            () ->
                replyTo(
                    message,
                    InterviewMessages.turn(
                        user, answers.answer(sessionId, position, content, user, scope))),
            failure -> replyTo(message, MessageCreateData.fromContent(failure)));
    return true;
  }

  /**
   * A reply to the person's message that never pings them (JDA mentions the replied-to author by
   * default).
   */
  private static void replyTo(Message message, MessageCreateData data) {
    Replies.send(
        message
            .getChannel()
            .sendMessage(data)
            .setMessageReference(message)
            .mentionRepliedUser(false)
            .setAllowedMentions(List.of()));
  }
}
