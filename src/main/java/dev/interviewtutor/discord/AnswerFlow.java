package dev.interviewtutor.discord;

import dev.interviewtutor.grading.AnswerPolicy;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * The path of every graded answer: the per-person rate limit, the length limit, an immediate
 * acknowledgement (defer), grading on the grading pool, and the result delivered through the
 * interaction hook.
 */
final class AnswerFlow {
  static final String ANSWER_FIELD = "answer";

  private AnswerFlow() {}

  /** The answer modal: one paragraph field of up to 4,000 characters. */
  static Modal answerModal(ComponentId id, String title) {
    TextInput input =
        TextInput.create(ANSWER_FIELD, TextInputStyle.PARAGRAPH)
            .setRequired(true)
            .setMaxLength(AnswerPolicy.MAX_CHARS)
            .setPlaceholder("Explain it as you would to an interviewer.")
            .build();
    return Modal.create(id.encode(), Limits.fit(title, Limits.MODAL_TITLE))
        .addComponents(
            Label.of(Limits.fit("Your answer (up to 4,000 characters)", Limits.MODAL_LABEL), input))
        .build();
  }

  /**
   * Refuses over-long answers and answers over the rate limit with a clear ephemeral message;
   * otherwise defers (ephemerally or not) and grades on the pool, editing the deferred reply with
   * the result.
   *
   * @return true when grading was started
   */
  static boolean gradeDeferred(
      BotContext ctx,
      IReplyCallback event,
      String answer,
      boolean ephemeral,
      Supplier<MessageEditData> grade) {
    Optional<String> refusal = refusal(ctx, event.getUser().getIdLong(), answer);
    if (refusal.isPresent()) {
      event.reply(refusal.get()).setEphemeral(true).queue();
      return false;
    }
    ctx.grading()
        .deferred(
            "grading for interaction " + event.getId(),
            event,
            ephemeral,
            hook -> Replies.editOriginal(hook, grade.get()));
    return true;
  }

  /** Why an answer cannot be graded now (too long, or too many this minute); empty when it can. */
  static Optional<String> refusal(BotContext ctx, long userId, String answer) {
    String text = answer == null ? "" : answer;
    if (text.length() > AnswerPolicy.MAX_CHARS) {
      return Optional.of(
          "Your answer is "
              + text.length()
              + " characters; the limit is "
              + String.format("%,d", AnswerPolicy.MAX_CHARS)
              + ". Shorten it to the key ideas and send it again.");
    }
    if (text.isBlank()) {
      return Optional.of("That answer is empty. Write what you know, even a sentence or two.");
    }
    Optional<Duration> wait = ctx.limiter().tryAcquire(userId);
    return wait.map(w -> ctx.limiter().refusal(w));
  }
}
