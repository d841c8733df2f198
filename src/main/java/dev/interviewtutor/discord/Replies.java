package dev.interviewtutor.discord;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.requests.RestAction;
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
    CompletableFuture<Void> delivered = delivery();
    queue(
        hook.editOriginal(data).setAllowedMentions(List.of()),
        delivered,
        failure -> {
          LOG.warn(
              "editing the reply of interaction {} failed: {}",
              hook.getInteraction().getId(),
              failure.toString());
          queue(
              hook.editOriginal(
                      new MessageEditBuilder()
                          .setContent(Failures.SORRY)
                          .setEmbeds(List.of())
                          .setComponents(List.of())
                          .setAttachments(List.of())
                          .build())
                  .setAllowedMentions(List.of()),
              delivered,
              again -> delivered.complete(null));
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
    send(hook.sendMessage(data).setEphemeral(ephemeral).setAllowedMentions(List.of()));
  }

  /**
   * Queues {@code action}; pooled work that sends it stays in flight until Discord answered it
   * ({@link GradingPool#deliveryOf}), so a stop delivers it before JDA shuts down.
   */
  public static void send(RestAction<?> action) {
    CompletableFuture<Void> delivered = delivery();
    queue(
        action,
        delivered,
        failure -> {
          LOG.warn("sending a reply failed: {}", failure.toString());
          delivered.complete(null);
        });
  }

  /** As {@link #send}, for a last-resort message whose failure has nothing left to tell. */
  private static void sendQuietly(RestAction<?> action) {
    CompletableFuture<Void> delivered = delivery();
    queue(action, delivered, failure -> delivered.complete(null));
  }

  /** A delivery the pooled work running on this thread (if any) waits for. */
  private static CompletableFuture<Void> delivery() {
    CompletableFuture<Void> delivered = new CompletableFuture<>();
    GradingPool.deliveryOf(delivered);
    return delivered;
  }

  /**
   * Queues {@code action}: {@code delivered} completes when Discord accepted it; {@code onFailure}
   * gets a refusal (it completes {@code delivered}, perhaps after a second try). JDA refuses new
   * requests outright once its requester has stopped: the delivery is over then too.
   */
  private static void queue(
      RestAction<?> action, CompletableFuture<Void> delivered, Consumer<Throwable> onFailure) {
    try {
      action.queue(ok -> delivered.complete(null), onFailure);
    } catch (RejectedExecutionException e) {
      delivered.complete(null);
      LOG.warn("a reply was not sent: {}", e.getMessage());
    }
  }

  /** An ephemeral error, whether or not the interaction was acknowledged already. */
  public static void error(IReplyCallback event, String message) {
    if (event.isAcknowledged()) {
      sendQuietly(
          event.getHook().sendMessage(message).setEphemeral(true).setAllowedMentions(List.of()));
    } else {
      sendQuietly(event.reply(message).setEphemeral(true));
    }
  }
}
