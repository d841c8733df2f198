package dev.interviewtutor.discord;

import dev.interviewtutor.ops.TutorMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes every interaction to its command by name; checks that the bot is still taking work, that
 * components belong to the person clicking them and are of the current version, and that the member
 * has the command's permission. Failures become a short ephemeral message, never silence.
 */
public final class CommandRouter extends ListenerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(CommandRouter.class);
  static final String SHUTTING_DOWN =
      "The tutor is restarting. Try again in a minute; your progress is saved.";
  static final String NOT_YOURS =
      "This isn't yours: these buttons belong to someone else's question. "
          + "Run the command yourself to get your own.";
  static final String OLD_VERSION =
      "This button is from an older version of the tutor. Run the command again.";

  private final Map<String, SlashCommand> commands = new LinkedHashMap<>();
  private final List<PlainMessageHandler> messageHandlers = new ArrayList<>();
  private final AtomicBoolean accepting = new AtomicBoolean(true);
  private final TutorMetrics metrics;

  public CommandRouter(List<? extends SlashCommand> commands) {
    this(commands, TutorMetrics.NONE);
  }

  /** As {@link #CommandRouter(List)}, counting every interaction by command in {@code metrics}. */
  public CommandRouter(List<? extends SlashCommand> commands, TutorMetrics metrics) {
    this.metrics = metrics;
    for (SlashCommand command : commands) {
      if (this.commands.put(command.name(), command) != null) {
        throw new IllegalArgumentException("two commands named " + command.name());
      }
      if (command instanceof PlainMessageHandler handler) {
        messageHandlers.add(handler);
      }
    }
  }

  /** The definitions to register, with each command's permission set on it. */
  public List<SlashCommandData> definitions() {
    List<SlashCommandData> out = new ArrayList<>();
    for (SlashCommand command : commands.values()) {
      SlashCommandData data = command.definition();
      command
          .requiredPermission()
          .ifPresent(
              p -> {
                data.setDefaultPermissions(DefaultMemberPermissions.enabledFor(p));
                // A server permission means nothing in DMs.
                data.setContexts(InteractionContextType.GUILD);
              });
      out.add(data);
    }
    return out;
  }

  public Optional<SlashCommand> command(String name) {
    return Optional.ofNullable(commands.get(name));
  }

  /** After this, new interactions get a "restarting" reply; work already started goes on. */
  public void stopAccepting() {
    accepting.set(false);
  }

  public boolean isAccepting() {
    return accepting.get();
  }

  @Override
  public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
    count(event.getName(), "slash");
    if (refuseWhenStopping(event)) {
      return;
    }
    SlashCommand command = commands.get(event.getName());
    if (command == null) {
      event.reply("I don't know /" + event.getName() + " (any more).").setEphemeral(true).queue();
      return;
    }
    if (!permitted(command, command.requiredPermission(), event.getMember(), event)) {
      return;
    }
    guard(event, () -> command.onSlash(event));
  }

  @Override
  public void onButtonInteraction(ButtonInteractionEvent event) {
    count(
        ComponentId.decode(event.getComponentId()).map(ComponentId::command).orElse(""), "button");
    if (refuseWhenStopping(event)) {
      return;
    }
    Optional<SlashCommand> command =
        checkComponent(event, event.getComponentId(), event.getUser().getIdLong());
    command.ifPresent(
        c ->
            guard(
                event,
                () -> c.onButton(event, ComponentId.decode(event.getComponentId()).orElseThrow())));
  }

  @Override
  public void onModalInteraction(ModalInteractionEvent event) {
    count(ComponentId.decode(event.getModalId()).map(ComponentId::command).orElse(""), "modal");
    if (refuseWhenStopping(event)) {
      return;
    }
    Optional<SlashCommand> command =
        checkComponent(event, event.getModalId(), event.getUser().getIdLong());
    command.ifPresent(
        c ->
            guard(
                event,
                () -> c.onModal(event, ComponentId.decode(event.getModalId()).orElseThrow())));
  }

  @Override
  public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
    count(event.getName(), "autocomplete");
    SlashCommand command = commands.get(event.getName());
    if (command == null || !accepting.get()) {
      event.replyChoices(List.of()).queue();
      return;
    }
    try {
      command.onAutocomplete(event);
    } catch (RuntimeException e) {
      LOG.warn("autocomplete for /{} failed", event.getName(), e);
      event.replyChoices(List.of()).queue(null, err -> {});
    }
  }

  @Override
  public void onMessageReceived(MessageReceivedEvent event) {
    if (event.getAuthor().isBot() || event.isWebhookMessage() || !accepting.get()) {
      return;
    }
    for (PlainMessageHandler handler : messageHandlers) {
      try {
        if (handler.onMessage(event)) {
          return;
        }
      } catch (RuntimeException e) {
        event
            .getChannel()
            .sendMessage(
                Failures.forMember(
                    "handling a message in channel " + event.getChannel().getId(), e))
            .setAllowedMentions(List.of())
            .queue();
        return;
      }
    }
  }

  /**
   * Counts an interaction under its command's name; a name the bot does not have counts as
   * "unknown".
   */
  private void count(String command, String kind) {
    metrics.interaction(commands.containsKey(command) ? command : "unknown", kind);
  }

  private Optional<SlashCommand> checkComponent(IReplyCallback event, String rawId, long userId) {
    Optional<ComponentId> id = ComponentId.decode(rawId);
    if (id.isEmpty() || !commands.containsKey(id.get().command())) {
      event.reply(OLD_VERSION).setEphemeral(true).queue();
      return Optional.empty();
    }
    if (!id.get().isCurrentVersion()) {
      event.reply(OLD_VERSION).setEphemeral(true).queue();
      return Optional.empty();
    }
    if (!id.get().allows(userId)) {
      event.reply(NOT_YOURS).setEphemeral(true).queue();
      return Optional.empty();
    }
    SlashCommand command = commands.get(id.get().command());
    if (!permitted(command, command.componentPermission(), event.getMember(), event)) {
      return Optional.empty();
    }
    return Optional.of(command);
  }

  private static boolean permitted(
      SlashCommand command, Optional<Permission> needed, Member member, IReplyCallback event) {
    if (needed.isEmpty()) {
      return true;
    }
    if (member == null) {
      event.reply("/" + command.name() + " only works in a server.").setEphemeral(true).queue();
      return false;
    }
    if (!member.hasPermission(needed.get())) {
      event
          .reply(
              "You need the "
                  + needed.get().getName()
                  + " permission to use /"
                  + command.name()
                  + ".")
          .setEphemeral(true)
          .queue();
      return false;
    }
    return true;
  }

  private boolean refuseWhenStopping(IReplyCallback event) {
    if (accepting.get()) {
      return false;
    }
    try {
      event.reply(SHUTTING_DOWN).setEphemeral(true).queue();
    } catch (RejectedExecutionException e) {
      // JDA itself has stopped: nothing can be sent any more, and Discord shows "did not respond".
      LOG.debug("interaction {} arrived after JDA stopped", event.getId());
    }
    return true;
  }

  /**
   * Runs the command; whatever it throws becomes a sentence for the member ({@link Failures}),
   * never silence.
   */
  private static void guard(IReplyCallback event, Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      Replies.error(event, Failures.forMember("interaction " + event.getId(), e));
    }
  }
}
