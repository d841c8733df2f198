package dev.interviewtutor.discord;

import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * One slash command with its buttons, modals and autocomplete. The {@link CommandRouter} finds it
 * by {@link #name()}, and routes components whose {@link ComponentId#command()} equals that name
 * after checking the version and the owner.
 */
public interface SlashCommand {

  String name();

  /**
   * The definition registered with Discord. The router adds {@link #requiredPermission()} to it.
   */
  SlashCommandData definition();

  /** A permission the member must have; set on the definition and checked again by the router. */
  default Optional<Permission> requiredPermission() {
    return Optional.empty();
  }

  /**
   * The permission needed to use this command's buttons and forms; by default the command's own. A
   * command whose components are for everyone (the daily question's Answer button) returns empty.
   */
  default Optional<Permission> componentPermission() {
    return requiredPermission();
  }

  void onSlash(SlashCommandInteractionEvent event);

  default void onButton(ButtonInteractionEvent event, ComponentId id) {
    event.reply("That button no longer does anything.").setEphemeral(true).queue();
  }

  default void onModal(ModalInteractionEvent event, ComponentId id) {
    event.reply("That form no longer does anything.").setEphemeral(true).queue();
  }

  default void onAutocomplete(CommandAutoCompleteInteractionEvent event) {
    event.replyChoices(List.of()).queue();
  }
}
