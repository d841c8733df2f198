package dev.interviewtutor.discord;

import dev.interviewtutor.practice.PersonStats;
import dev.interviewtutor.practice.PracticeService;
import dev.interviewtutor.store.Person;
import dev.interviewtutor.store.Scope;
import java.awt.Color;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.utils.FileUpload;

/**
 * {@code /stats [user]}: answers, average, streaks, mastery per topic, and a PNG chart attached.
 * Topics are those of the server it is asked in (its own banks too); in DMs the shipped banks.
 * Anyone sees their own; another member's only a server admin (Manage Server) sees, in that server.
 */
final class StatsCommand implements SlashCommand {
  static final String NAME = "stats";
  static final String FILE = "stats.png";
  private final BotContext context;
  private final PracticeService practice;

  StatsCommand(BotContext context, PracticeService practice) {
    this.context = context;
    this.practice = practice;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public SlashCommandData definition() {
    return Commands.slash(NAME, "Progress: answers, streaks, mastery")
        .addOption(
            OptionType.USER, "user", "Whose progress (default: yours; others' for admins)", false);
  }

  @Override
  public void onSlash(SlashCommandInteractionEvent event) {
    OptionMapping user = event.getOption("user");
    long target = user == null ? event.getUser().getIdLong() : user.getAsLong();
    boolean self = target == event.getUser().getIdLong();
    Optional<String> refusal = self ? Optional.empty() : refusal(event, user);
    if (refusal.isPresent()) {
      event.reply(refusal.get()).setEphemeral(true).queue();
      return;
    }
    context
        .grading()
        .deferred(
            "/stats",
            event,
            true,
            hook -> {
              Optional<Person> person = practice.findPerson(Person.discordKey(target));
              // topics as this server sees them: its own banks, without shipped ones switched off
              Scope here = People.scope(practice, event.getGuild(), event.getUser());
              PersonStats stats = person.map(p -> practice.stats(p, here)).orElse(null);
              if (stats == null || stats.answers() == 0) {
                Replies.editOriginal(
                    hook,
                    self
                        ? "You have no graded answers yet. Try `/quiz` or the daily " + "question!"
                        : "That person has no graded answers yet.");
                return;
              }
              Replies.editOriginal(
                  hook,
                  List.of(embed(stats)),
                  List.of(FileUpload.fromData(StatsChart.png(stats), FILE)));
            });
  }

  /**
   * Why the asker may not see someone else's progress; empty when they may. Progress spans every
   * server the person uses the tutor in, so only this server's admins (Manage Server) see a
   * member's, and only a member of this server; everyone sees their own.
   */
  private static Optional<String> refusal(SlashCommandInteractionEvent event, OptionMapping user) {
    Member asker = event.getMember();
    if (event.getGuild() == null || asker == null) {
      return Optional.of("In DMs you can see only your own progress: use `/stats` without `user`.");
    }
    if (!asker.hasPermission(Permission.MANAGE_SERVER)) {
      return Optional.of(
          "You can see your own progress with `/stats`; other members' progress is only for this "
              + "server's admins (Manage Server).");
    }
    if (user.getAsMember() == null) {
      return Optional.of("That person isn't a member of this server.");
    }
    return Optional.empty();
  }

  static MessageEmbed embed(PersonStats s) {
    EmbedBuilder e =
        new EmbedBuilder()
            .setColor(new Color(0x4F7CAC))
            .setTitle(
                Limits.fit(
                    "Progress of " + DailyEmbeds.name(s.person().displayName()),
                    Limits.EMBED_TITLE))
            .addField("Answers", Integer.toString(s.answers()), true)
            .addField("Average", Math.round(s.averageScore()) + "/100", true)
            .addField("Points", Integer.toString(s.points()), true)
            .addField(
                "Current streak",
                s.currentStreak() + " day" + (s.currentStreak() == 1 ? "" : "s"),
                true)
            .addField(
                "Best streak", s.bestStreak() + " day" + (s.bestStreak() == 1 ? "" : "s"), true)
            .addField("Due reviews", Integer.toString(s.dueReviews()), true)
            .addField(
                "Mastery per topic",
                Limits.field(
                    s.topics().stream()
                        .map(
                            t ->
                                t.topic()
                                    + ": "
                                    + t.mastery()
                                    + "% ("
                                    + t.questionsAnswered()
                                    + "/"
                                    + t.questionsTotal()
                                    + " questions)")
                        .collect(Collectors.joining("\n"))),
                false)
            .setImage("attachment://" + FILE);
    return e.build();
  }
}
