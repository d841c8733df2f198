package dev.interviewtutor.discord;

import dev.interviewtutor.UserFacingException;
import dev.interviewtutor.grading.Grade;
import dev.interviewtutor.practice.InterviewState;
import dev.interviewtutor.practice.InterviewTurn;
import dev.interviewtutor.practice.PracticeService;
import dev.interviewtutor.store.Scope;
import java.util.Optional;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * Grades interview answers and follow-up replies, whichever way they came (the form or a typed
 * message), and says what comes next. After a partially correct answer the engine may return one
 * follow-up about a missed key point; it waits in {@link PendingFollowUps} and is graded against
 * that key point only ({@link PracticeService#answerFollowUp}).
 */
final class InterviewAnswers {
  private final BotContext ctx;
  private final PendingFollowUps pending;

  InterviewAnswers(BotContext ctx, PendingFollowUps pending) {
    this.ctx = ctx;
    this.pending = pending;
  }

  private PracticeService practice() {
    return ctx.services().practice();
  }

  /**
   * Grades the answer to the question at {@code position}, refusing one that was already answered
   * or skipped.
   */
  InterviewTurn answer(long sessionId, int position, String answer, User user, Scope scope) {
    InterviewState state = practice().interview(sessionId);
    if (state.finished() || state.position() != position) {
      throw new UserFacingException(
          "That question was already answered or skipped; you're on question "
              + Math.min(state.position() + 1, state.total())
              + " of "
              + state.total()
              + ".");
    }
    pending.drop(sessionId);
    InterviewTurn turn = practice().answerInterview(sessionId, answer);
    if (turn.followUp().isPresent()) {
      pending.await(sessionId, position, turn, user.getIdLong(), scope);
    }
    return turn;
  }

  /** Grades a follow-up reply (once), then shows the next question or the summary. */
  MessageCreateData followUpReply(User user, long sessionId, int position, String answer) {
    Optional<PendingFollowUps.Pending> waiting = pending.at(sessionId, position);
    if (waiting.isEmpty()) {
      return expired(user, sessionId);
    }
    Grade grade = practice().answerFollowUp(sessionId, waiting.get().followUp(), answer);
    if (!pending.take(waiting.get())) {
      return expired(user, sessionId);
    }
    return InterviewMessages.followUpGraded(grade, continuation(user, waiting.get().turn()));
  }

  /** Skips a waiting follow-up; empty when it was no longer waiting. */
  Optional<MessageCreateData> skipFollowUp(User user, PendingFollowUps.Pending waiting) {
    return pending.take(waiting)
        ? Optional.of(InterviewMessages.followUpSkipped(continuation(user, waiting.turn())))
        : Optional.empty();
  }

  /**
   * For a follow-up whose buttons are stale (answered, skipped, or the bot restarted): where the
   * person is.
   */
  MessageCreateData expired(User user, long sessionId) {
    return InterviewMessages.followUpOver(user, practice().interview(sessionId));
  }

  /** What comes after a follow-up: the next question, or the summary after the last one. */
  private MessageCreateData continuation(User user, InterviewTurn turn) {
    if (turn.summary().isPresent()) {
      return InterviewMessages.end(user, turn.summary().get());
    }
    return InterviewMessages.question(user, practice().interview(turn.next().sessionId()));
  }
}
