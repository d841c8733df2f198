package dev.interviewtutor.discord;

import dev.interviewtutor.knowledge.QuestionBank;
import java.awt.Color;
import java.util.EnumSet;
import java.util.Set;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/** {@code /tutor about}: version, banks loaded, grader in use, how to use the bot. */
final class TutorInfoCommand implements SlashCommand {
  static final Color BRAND = new Color(0x4F7CAC);

  /**
   * Every command of the bot ({@code TutorInfoCommandTest} checks it against the registered ones).
   */
  static final String COMMANDS =
      """
      `/quiz [topic] [question]`: one question; answer with the button (a hint caps the score).
      `/interview start [topic] [questions]`, `/interview stop`: a mock interview in a private thread (or DM); \
      answer with the button or just type your answer there.
      `/review`: questions due for spaced-repetition review.
      `/daily setup|status|resume|off|now|reveal`: the server's daily question (Manage Server).
      `/leaderboard [period] [topic]`: the server's board. `/stats [user]`: progress with a chart.
      `/explain query`: look a topic up in the question banks.
      `/forget-me`: delete everything stored about you.
      `/bank upload|list|remove|shipped`: this server's own banks (Manage Server).
      `/tutor about`: this message. `/tutoradmin status|reload`: health (Manage Server), reload (bot owner).""";

  /**
   * What the bot needs on a server: post and read in channels and threads (quizzes, the daily
   * question and its reveal thread), private threads for interviews, embeds, and the stats chart.
   */
  static final Set<Permission> INVITE_PERMISSIONS =
      EnumSet.of(
          Permission.VIEW_CHANNEL,
          Permission.MESSAGE_SEND,
          Permission.MESSAGE_SEND_IN_THREADS,
          Permission.CREATE_PUBLIC_THREADS,
          Permission.CREATE_PRIVATE_THREADS,
          Permission.MESSAGE_EMBED_LINKS,
          Permission.MESSAGE_ATTACH_FILES,
          Permission.MESSAGE_HISTORY);

  private final BotContext context;

  TutorInfoCommand(BotContext context) {
    this.context = context;
  }

  @Override
  public String name() {
    return "tutor";
  }

  @Override
  public SlashCommandData definition() {
    return Commands.slash("tutor", "About Interview Tutor")
        .addSubcommands(
            new SubcommandData("about", "Version, question banks, grader and how to use the bot"));
  }

  @Override
  public void onSlash(SlashCommandInteractionEvent event) {
    QuestionBank bank = context.services().bank();
    EmbedBuilder embed =
        new EmbedBuilder()
            .setColor(BRAND)
            .setTitle("Interview Tutor " + BotContext.version())
            .setDescription(
                Limits.fit(
                    "Practise technical interview questions and get graded feedback on free-text "
                        + "answers: which key points you covered, which you missed, misconceptions, and a tip.",
                    Limits.EMBED_DESCRIPTION))
            .addField(
                "Question banks",
                Limits.field(
                    bank.questions().size()
                        + " questions in "
                        + bank.topics().size()
                        + " topic(s): "
                        + String.join(", ", bank.topics())),
                false)
            .addField("Grader", Limits.field(context.services().practice().graderName()), true)
            .addField("Answers per minute", Integer.toString(context.limiter().perMinute()), true)
            .addField("Commands", Limits.field(COMMANDS), false)
            .addField("Add to a server", Limits.field(inviteUrl(event.getJDA())), false);
    event.replyEmbeds(embed.build()).setEphemeral(true).queue();
  }

  /**
   * The OAuth2 link that adds this bot with its commands and exactly {@link #INVITE_PERMISSIONS}.
   */
  static String inviteUrl(JDA jda) {
    return jda.getInviteUrl(INVITE_PERMISSIONS);
  }
}
