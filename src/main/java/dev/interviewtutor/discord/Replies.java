package dev.interviewtutor.discord;

import java.util.List;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sending through interaction hooks with mentions off. JDA's default mentions only cover new
 * messages, so every edit of an original response sets its own empty allow-list. An edit Discord
 * refuses (a rich reply it cannot take) is replaced by a plain sentence, so the deferred reply
 * never stays at "thinking…".
 */
public final class Replies {
  private static final Logger LOG = LoggerFactory.getLogger(Replies.class);

  private Replies() {}

  public static void editOriginal(InteractionHook hook, MessageEditData data) {
    hook.editOriginal(data)
        .setAllowedMentions(List.of())
        .queue(
            null,
            failure -> {
              LOG.warn(
                  "editing the reply of interaction {} failed: {}",
                  hook.getInteraction().getId(),
                  failure.toString());
              hook.editOriginal(
                      new MessageEditBuilder()
                          .setContent(Failures.SORRY)
                          .setEmbeds(List.of())
                          .setComponents(List.of())
                          .setAttachments(List.of())
                          .build())
                  .setAllowedMentions(List.of())
                  .queue(null, again -> {});
            });
  }

  public static void editOriginal(InteractionHook hook, String content) {
    editOriginal(hook, new MessageEditBuilder().setContent(content).build());
  }

  /** Replaces the deferred reply with embeds and files. */
  public static void editOriginal(
      InteractionHook hook, List<MessageEmbed> embeds, List<FileUpload> files) {
    editOriginal(hook, new MessageEditBuilder().setEmbeds(embeds).setFiles(files).build());
  }

  public static void followUp(InteractionHook hook, MessageCreateData data, boolean ephemeral) {
    hook.sendMessage(data).setEphemeral(ephemeral).setAllowedMentions(List.of()).queue();
  }

  /** An ephemeral error, whether or not the interaction was acknowledged already. */
  public static void error(IReplyCallback event, String message) {
    if (event.isAcknowledged()) {
      event
          .getHook()
          .sendMessage(message)
          .setEphemeral(true)
          .setAllowedMentions(List.of())
          .queue(null, e -> {});
    } else {
      event.reply(message).setEphemeral(true).queue(null, e -> {});
    }
  }
}
