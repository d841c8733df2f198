package dev.interviewtutor.discord;

import java.time.Duration;
import java.util.Optional;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/** {@code /tutoradmin status}: for server managers; the bot's health (uptime, grades in flight). */
final class TutorAdminCommand implements SlashCommand {
  private final BotContext context;

  TutorAdminCommand(BotContext context) {
    this.context = context;
  }

  @Override
  public String name() {
    return "tutoradmin";
  }

  @Override
  public Optional<Permission> requiredPermission() {
    return Optional.of(Permission.MANAGE_SERVER);
  }

  @Override
  public SlashCommandData definition() {
    return Commands.slash("tutoradmin", "Tutor administration")
        .setContexts(InteractionContextType.GUILD)
        .addSubcommands(new SubcommandData("status", "Uptime, grades in flight and limits"));
  }

  @Override
  public void onSlash(SlashCommandInteractionEvent event) {
    Duration up = Duration.between(context.startedAt(), context.services().clock().instant());
    EmbedBuilder embed = new EmbedBuilder()
        .setTitle("Tutor status")
        .addField("Uptime", up.toHours() + " h " + up.toMinutesPart() + " min", true)
        .addField("Grades in flight", Integer.toString(context.grading().inFlight()), true)
        .addField("Answers per person per minute", Integer.toString(context.limiter().perMinute()), true)
        .addField("Questions loaded", Integer.toString(context.services().bank().questions().size()), true);
    event.replyEmbeds(embed.build()).setEphemeral(true).queue();
  }
}
