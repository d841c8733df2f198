package dev.interviewtutor.discord;

import dev.interviewtutor.practice.Leaderboard;
import dev.interviewtutor.practice.Period;
import dev.interviewtutor.practice.PracticeService;
import dev.interviewtutor.store.Person;
import dev.interviewtutor.store.Scope;
import dev.interviewtutor.store.ScopeKind;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * {@code /leaderboard [period] [topic] [where]}: the server's board, or with {@code
 * where:everywhere} (and always in a DM) the board across every server and DM of the bot, whichever
 * process runs the shard each answer came through; {@value #PAGE} per page, Previous/Next buttons
 * that only the asker can use, the asker's own rank even when it is not on the page. Names are
 * plain text.
 */
final class LeaderboardCommand implements SlashCommand {
  static final String NAME = "leaderboard";
  static final int PAGE = 10;
  private static final String ALL_TOPICS = "-";

  /** The last argument of a page button of the everywhere board (a server's buttons have none). */
  private static final String EVERYWHERE = "e";

  private final PracticeService practice;

  LeaderboardCommand(PracticeService practice) {
    this.practice = practice;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public SlashCommandData definition() {
    return Commands.slash(NAME, "This server's leaderboard, or everyone's everywhere")
        .setContexts(InteractionContextType.GUILD, InteractionContextType.BOT_DM)
        .addOptions(
            new OptionData(OptionType.STRING, "period", "This week, this month or all time")
                .addChoice("week", "week")
                .addChoice("month", "month")
                .addChoice("all", "all"),
            new OptionData(OptionType.STRING, "topic", "Only one topic").setAutoComplete(true),
            new OptionData(
                    OptionType.STRING, "where", "This server, or every server and DM of the bot")
                .addChoice("this server", "server")
                .addChoice("everywhere", "everywhere"));
  }

  @Override
  public void onSlash(SlashCommandInteractionEvent event) {
    Guild guild = event.getGuild();
    OptionMapping w = event.getOption("where");
    // A DM has no server board of its own: it shows the board of every server.
    boolean everywhere = guild == null || (w != null && w.getAsString().equals("everywhere"));
    OptionMapping p = event.getOption("period");
    Period period;
    try {
      period = p == null ? Period.WEEK : Period.parse(p.getAsString());
    } catch (IllegalArgumentException e) {
      event.reply(e.getMessage()).setEphemeral(true).queue();
      return;
    }
    OptionMapping t = event.getOption("topic");
    String topicArg = ALL_TOPICS;
    if (everywhere && t != null && !t.getAsString().isBlank()) {
      event
          .reply(
              "The board of every server counts all topics (servers have topics of their own);"
                  + " leave the topic out, or ask for this server's board.")
          .setEphemeral(true)
          .queue();
      return;
    }
    if (t != null && !t.getAsString().isBlank()) {
      int index = topicIndex(guild, t.getAsString());
      if (index < 0) {
        event
            .reply(
                "There is no topic `"
                    + Limits.fit(t.getAsString(), 50)
                    + "`. Topics: "
                    + String.join(", ", topics(guild))
                    + ".")
            .setEphemeral(true)
            .setAllowedMentions(List.of())
            .queue();
        return;
      }
      topicArg = Integer.toString(index);
    }
    long owner = event.getUser().getIdLong();
    Page page = everywhere ? everywhere(owner, period, 0) : page(guild, owner, period, topicArg, 0);
    event
        .replyEmbeds(page.embed())
        .setComponents(page.buttons())
        .setAllowedMentions(List.of())
        .queue();
  }

  @Override
  public void onButton(ButtonInteractionEvent event, ComponentId id) {
    Guild guild = event.getGuild();
    boolean everywhere = id.arg(3).equals(EVERYWHERE);
    if ((guild == null && !everywhere) || !id.action().equals("page")) {
      event.reply(CommandRouter.OLD_VERSION).setEphemeral(true).queue();
      return;
    }
    Period period = Period.parse(id.arg(0));
    int offset = Math.max(0, Integer.parseInt(id.arg(1)));
    Page page =
        everywhere
            ? everywhere(id.owner(), period, offset)
            : page(guild, id.owner(), period, id.arg(2), offset);
    event.editMessageEmbeds(page.embed()).setComponents(page.buttons()).queue();
  }

  @Override
  public void onAutocomplete(CommandAutoCompleteInteractionEvent event) {
    String typed = event.getFocusedOption().getValue().toLowerCase(Locale.ROOT);
    if (event.getGuild() == null) {
      event.replyChoices(List.of()).queue(); // the everywhere board has no topics
      return;
    }
    event
        .replyChoices(
            topics(event.getGuild()).stream()
                .filter(t -> t.toLowerCase(Locale.ROOT).contains(typed))
                .limit(Limits.AUTOCOMPLETE_CHOICES)
                .map(t -> new Command.Choice(Limits.fit(t, Limits.CHOICE_NAME), t))
                .toList())
        .queue();
  }

  private record Page(MessageEmbed embed, List<ActionRow> buttons) {}

  private Page page(Guild guild, long owner, Period period, String topicArg, int offset) {
    Scope scope = practice.scope(ScopeKind.GUILD, guild.getId(), guild.getName());
    String topic = topicArg.equals(ALL_TOPICS) ? null : topicName(guild, topicArg);
    Optional<Person> asker = practice.findPerson(Person.discordKey(owner));
    Leaderboard board =
        practice.leaderboard(scope, period, topic, offset, PAGE, asker.orElse(null));
    if (offset > 0 && board.entries().isEmpty() && board.total() > 0) {
      int last = (board.total() - 1) / PAGE * PAGE;
      board = practice.leaderboard(scope, period, topic, last, PAGE, asker.orElse(null));
    }
    return new Page(render(board, period, topic), buttons(board, owner, period, topicArg, false));
  }

  /** A page of the board across every server and DM. */
  private Page everywhere(long owner, Period period, int offset) {
    Optional<Person> asker = practice.findPerson(Person.discordKey(owner));
    Leaderboard board = practice.leaderboardEverywhere(period, offset, PAGE, asker.orElse(null));
    if (offset > 0 && board.entries().isEmpty() && board.total() > 0) {
      int last = (board.total() - 1) / PAGE * PAGE;
      board = practice.leaderboardEverywhere(period, last, PAGE, asker.orElse(null));
    }
    return new Page(
        render(board, period, null, "everywhere"), buttons(board, owner, period, ALL_TOPICS, true));
  }

  static MessageEmbed render(Leaderboard board, Period period, String topic) {
    return render(board, period, topic, null);
  }

  /** {@code where}: null for a server's board, otherwise said in the title. */
  static MessageEmbed render(Leaderboard board, Period period, String topic, String where) {
    String when =
        switch (period) {
          case WEEK -> "this week";
          case MONTH -> "this month";
          case ALL -> "all time";
        };
    EmbedBuilder e =
        new EmbedBuilder()
            .setColor(new Color(0x4F7CAC))
            .setTitle(
                "Leaderboard · "
                    + (where == null ? "" : where + " · ")
                    + when
                    + (topic == null ? "" : " · " + topic));
    StringBuilder lines = new StringBuilder();
    for (Leaderboard.Entry entry : board.entries()) {
      lines
          .append("`#")
          .append(entry.rank())
          .append("` ")
          .append(DailyEmbeds.name(entry.displayName()))
          .append(" · ")
          .append(entry.points())
          .append(" pts · ")
          .append(entry.answers())
          .append(" answers\n");
    }
    e.setDescription(
        board.entries().isEmpty()
            ? "Nobody has points here yet. Answer the daily question or run "
                + "`/quiz` to get on the board."
            : Limits.fit(lines.toString(), Limits.EMBED_DESCRIPTION));
    board
        .asker()
        .ifPresentOrElse(
            me ->
                e.addField(
                    "Your rank",
                    "#" + me.rank() + " of " + board.total() + " · " + me.points() + " pts",
                    false),
            () -> e.addField("Your rank", "Not on this board yet.", false));
    int pages = Math.max(1, (board.total() + PAGE - 1) / PAGE);
    e.setFooter(
        "Page " + (board.offset() / PAGE + 1) + " of " + pages + " · " + board.total() + " people");
    return e.build();
  }

  private static List<ActionRow> buttons(
      Leaderboard board, long owner, Period period, String topicArg, boolean everywhere) {
    String p = period.name().toLowerCase(Locale.ROOT);
    int prev = Math.max(0, board.offset() - PAGE);
    int next = board.offset() + PAGE;
    List<Button> row = new ArrayList<>();
    row.add(
        Button.secondary(pageId(owner, p, prev, topicArg, everywhere), "Previous")
            .withDisabled(board.offset() == 0));
    row.add(
        Button.secondary(pageId(owner, p, next, topicArg, everywhere), "Next")
            .withDisabled(!board.hasNext()));
    return List.of(ActionRow.of(row));
  }

  private static String pageId(
      long owner, String period, int offset, String topicArg, boolean everywhere) {
    String at = Integer.toString(offset);
    return (everywhere
            ? ComponentId.of(NAME, owner, "page", period, at, topicArg, EVERYWHERE)
            : ComponentId.of(NAME, owner, "page", period, at, topicArg))
        .encode();
  }

  /** The topics of the server's banks (its own and the shipped ones it keeps on). */
  private List<String> topics(Guild guild) {
    return practice.topics(People.place(practice, guild));
  }

  private int topicIndex(Guild guild, String topic) {
    List<String> topics = topics(guild);
    for (int i = 0; i < topics.size(); i++) {
      if (topics.get(i).equalsIgnoreCase(topic.strip())) {
        return i;
      }
    }
    return -1;
  }

  private String topicName(Guild guild, String index) {
    try {
      return topics(guild).get(Integer.parseInt(index));
    } catch (RuntimeException e) {
      return null;
    }
  }
}
