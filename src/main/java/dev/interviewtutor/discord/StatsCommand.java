package dev.interviewtutor.discord;

import dev.interviewtutor.practice.PersonStats;
import dev.interviewtutor.practice.PracticeService;
import dev.interviewtutor.store.Person;
import java.awt.Color;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.utils.FileUpload;

/** {@code /stats [user]}: answers, average, streaks, mastery per topic, and a PNG chart attached. */
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
    return net.dv8tion.jda.api.interactions.commands.build.Commands.slash(NAME, "Progress: answers, streaks, mastery")
        .addOption(OptionType.USER, "user", "Whose progress (default: yours)", false);
  }

  @Override
  public void onSlash(SlashCommandInteractionEvent event) {
    OptionMapping user = event.getOption("user");
    long target = user == null ? event.getUser().getIdLong() : user.getAsLong();
    boolean self = target == event.getUser().getIdLong();
    context.grading().deferred("/stats", event, true, hook -> {
      Optional<Person> person = practice.findPerson(Person.discordKey(target));
      PersonStats stats = person.map(practice::stats).orElse(null);
      if (stats == null || stats.answers() == 0) {
        Replies.editOriginal(hook, self ? "You have no graded answers yet. Try `/quiz` or the daily "
            + "question!" : "That person has no graded answers yet.");
        return;
      }
      Replies.editOriginal(hook, List.of(embed(stats)), List.of(FileUpload.fromData(StatsChart.png(stats), FILE)));
    });
  }

  static MessageEmbed embed(PersonStats s) {
    EmbedBuilder e = new EmbedBuilder().setColor(new Color(0x4F7CAC))
        .setTitle(Limits.fit("Progress of " + DailyEmbeds.name(s.person().displayName()), Limits.EMBED_TITLE))
        .addField("Answers", Integer.toString(s.answers()), true)
        .addField("Average", Math.round(s.averageScore()) + "/100", true)
        .addField("Points", Integer.toString(s.points()), true)
        .addField("Current streak", s.currentStreak() + " day" + (s.currentStreak() == 1 ? "" : "s"), true)
        .addField("Best streak", s.bestStreak() + " day" + (s.bestStreak() == 1 ? "" : "s"), true)
        .addField("Due reviews", Integer.toString(s.dueReviews()), true)
        .addField("Mastery per topic", Limits.field(s.topics().stream()
            .map(t -> t.topic() + ": " + t.mastery() + "% (" + t.questionsAnswered() + "/" + t.questionsTotal()
                + " questions)")
            .collect(Collectors.joining("\n"))), false)
        .setImage("attachment://" + FILE);
    return e.build();
  }
}
