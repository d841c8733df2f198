package dev.interviewtutor.discord;

import dev.interviewtutor.knowledge.BankException;
import dev.interviewtutor.knowledge.QuestionBank;
import dev.interviewtutor.knowledge.QuestionRubrics;
import java.time.Duration;
import java.util.Optional;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.ApplicationInfo;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /tutoradmin status}: for server managers; the bot's health (uptime, grades in flight).
 * {@code /tutoradmin reload}: for the bot's owner only (the application's owner, or a member of the
 * team that owns it, checked on the server against Discord's application info): reads the knowledge
 * directory again without a restart.
 */
final class TutorAdminCommand implements SlashCommand {
  private static final Logger LOG = LoggerFactory.getLogger(TutorAdminCommand.class);
  static final String NOT_OWNER = "Only the bot's owner can reload the knowledge directory.";
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
        .addSubcommands(
            new SubcommandData("status", "Uptime, grades in flight and limits"),
            new SubcommandData("reload", "Read the knowledge directory again (bot owner only)"));
  }

  @Override
  public void onSlash(SlashCommandInteractionEvent event) {
    if ("reload".equals(event.getSubcommandName())) {
      reload(event);
      return;
    }
    Duration up = Duration.between(context.startedAt(), context.services().clock().instant());
    EmbedBuilder embed =
        new EmbedBuilder()
            .setTitle("Tutor status")
            .addField("Uptime", up.toHours() + " h " + up.toMinutesPart() + " min", true)
            .addField("Grades in flight", Integer.toString(context.grading().inFlight()), true)
            .addField(
                "Answers per person per minute",
                Integer.toString(context.limiter().perMinute()),
                true)
            .addField(
                "Questions loaded",
                Integer.toString(context.services().bank().questions().size()),
                true);
    event.replyEmbeds(embed.build()).setEphemeral(true).queue();
  }

  /**
   * Checks the owner, then re-reads the banks; a bad bank changes nothing and its problems go to
   * the owner.
   */
  private void reload(SlashCommandInteractionEvent event) {
    User user = event.getUser();
    context
        .adminWork()
        .deferred(
            "/tutoradmin reload",
            event,
            true,
            hook -> {
              ApplicationInfo app = event.getJDA().retrieveApplicationInfo().complete();
              boolean owner =
                  app.getOwner().getIdLong() == user.getIdLong()
                      || (app.getTeam() != null && app.getTeam().isMember(user));
              if (!owner) {
                Replies.editOriginal(hook, NOT_OWNER);
                return;
              }
              int before = context.services().bank().questions().size();
              QuestionBank bank;
              try {
                bank = context.services().knowledge().get();
              } catch (BankException e) {
                LOG.warn("/tutoradmin reload refused: {}", e.getMessage());
                Replies.editOriginal(
                    hook,
                    BankCommand.problemsMessage(
                        "The banks were not reloaded; the ones loaded before" + " stay in use.",
                        e.problems()));
                return;
              }
              context.services().practice().reloadBanks(bank, QuestionRubrics.builderFor(bank));
              LOG.info(
                  "knowledge directory reloaded by the bot owner: {} questions (was {})",
                  bank.questions().size(),
                  before);
              Replies.editOriginal(
                  hook,
                  "Reloaded the knowledge directory: "
                      + bank.questions().size()
                      + " questions in "
                      + bank.topics().size()
                      + " topic(s) (was "
                      + before
                      + " questions). Interviews in progress carry on; a"
                      + " question no longer in the banks is shown as removed and skipped.");
            });
  }
}
