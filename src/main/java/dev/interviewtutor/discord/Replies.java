package dev.interviewtutor.discord;

import java.util.List;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * Sending through interaction hooks with mentions off. JDA's default mentions only cover new messages, so every
 * edit of an original response sets its own empty allow-list.
 */
public final class Replies {
  private Replies() {}

  public static void editOriginal(InteractionHook hook, MessageEditData data) {
    hook.editOriginal(data).setAllowedMentions(List.of()).queue();
  }

  public static void editOriginal(InteractionHook hook, String content) {
    hook.editOriginal(content).setAllowedMentions(List.of()).queue();
  }

  public static void followUp(InteractionHook hook, MessageCreateData data, boolean ephemeral) {
    hook.sendMessage(data).setEphemeral(ephemeral).setAllowedMentions(List.of()).queue();
  }

  /** An ephemeral error, whether or not the interaction was acknowledged already. */
  public static void error(IReplyCallback event, String message) {
    if (event.isAcknowledged()) {
      event.getHook().sendMessage(message).setEphemeral(true).setAllowedMentions(List.of()).queue(null, e -> { });
    } else {
      event.reply(message).setEphemeral(true).queue(null, e -> { });
    }
  }
}
