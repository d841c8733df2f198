package dev.interviewtutor.discord;

import dev.interviewtutor.practice.DailyQuiz;
import dev.interviewtutor.practice.DailySettings;
import dev.interviewtutor.practice.PracticeService;
import dev.interviewtutor.store.Person;
import dev.interviewtutor.store.Scope;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
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
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * {@code /daily setup|status|resume|off|now|reveal}: the server admins' commands (Manage Server,
 * set on the definition and checked by the router). The daily question's own components (the public
 * Answer button, the answer form, "share my answer at the reveal") carry this command's name and
 * are handed to {@link DailyAnswers}.
 */
final class DailyCommand implements SlashCommand {
  static final String NAME = "daily";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm", Locale.ROOT);
  private static final Set<String> ZONES = new TreeSet<>(ZoneId.getAvailableZoneIds());

  private final BotContext context;
  private final PracticeService practice;
  private final DailyQuiz daily;
  private final DailyPublisher publisher;
  private final DailyAnswers answers;

  DailyCommand(BotContext context, PracticeService practice, DailyPublisher publisher) {
    this.context = context;
    this.practice = practice;
    this.daily = practice.daily();
    this.publisher = publisher;
    this.answers = new DailyAnswers(context, practice);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Optional<Permission> requiredPermission() {
    return Optional.of(Permission.MANAGE_SERVER);
  }

  /** Anyone may answer the daily question; only the slash command needs Manage Server. */
  @Override
  public Optional<Permission> componentPermission() {
    return Optional.empty();
  }

  @Override
  public SlashCommandData definition() {
    return Commands.slash(NAME, "The server's daily question")
        .setContexts(InteractionContextType.GUILD)
        .addSubcommands(
            new SubcommandData("setup", "Post a question every day at a local time")
                .addOptions(
                    new OptionData(OptionType.CHANNEL, "channel", "Where to post", true)
                        .setChannelTypes(ChannelType.TEXT),
                    new OptionData(
                        OptionType.STRING, "time", "Local time, 24-hour HH:MM (e.g. 09:00)", true),
                    new OptionData(
                            OptionType.STRING,
                            "timezone",
                            "IANA time zone, e.g. Europe/Berlin",
                            true)
                        .setAutoComplete(true)),
            new SubcommandData(
                "status", "Show the channel, time, time zone and whether posting is paused"),
            new SubcommandData(
                "resume", "Start posting again after a pause (e.g. once my permissions are fixed)"),
            new SubcommandData("off", "Stop posting daily questions"),
            new SubcommandData("now", "Post a question now (the previous one is revealed)"),
            new SubcommandData("reveal", "Reveal the group's result of the current question now"));
  }

  @Override
  public void onSlash(SlashCommandInteractionEvent event) {
    Guild guild = event.getGuild();
    if (guild == null) {
      event.reply("/daily only works in a server.").setEphemeral(true).queue();
      return;
    }
    String subcommand = String.valueOf(event.getSubcommandName());
    if (subcommand.equals("now") || subcommand.equals("reveal")) {
      // Acknowledged first: posting blocks on Discord (a rate-limit stall can take minutes), and
      // even the first
      // database read runs after the acknowledgement, on the daily admin pool, never on the grading
      // pool.
      context
          .adminWork()
          .deferred(
              "/daily " + subcommand,
              event,
              true,
              hook -> {
                Scope scope = publisher.scope(guild);
                Replies.editOriginal(
                    hook,
                    Limits.fit(
                        subcommand.equals("now") ? now(event, scope) : reveal(event, scope),
                        Limits.MESSAGE_CONTENT));
              });
      return;
    }
    Scope scope = publisher.scope(guild);
    switch (subcommand) {
      case "setup" -> setup(event, guild, scope);
      case "off" -> {
        daily.disable(scope);
        event
            .reply("The daily question is off. Run `/daily setup` to start it again.")
            .setEphemeral(true)
            .queue();
      }
      case "status" -> status(event, scope);
      case "resume" -> resume(event, guild, scope);
      default -> event.reply("Unknown subcommand.").setEphemeral(true).queue();
    }
  }

  private void setup(SlashCommandInteractionEvent event, Guild guild, Scope scope) {
    String timeText = option(event, "time");
    String zoneText = option(event, "timezone");
    LocalTime time;
    try {
      time = LocalTime.parse(timeText.strip(), TIME);
    } catch (DateTimeParseException e) {
      event
          .reply(
              "`time` must be a 24-hour time like `09:00` or `18:30`, not `"
                  + Limits.fit(timeText, 40)
                  + "`.")
          .setEphemeral(true)
          .queue();
      return;
    }
    Optional<ZoneId> zone = zone(zoneText);
    if (zone.isEmpty()) {
      event
          .reply(
              "`timezone` must be an IANA time zone name such as `Europe/Berlin`, `America/New_York` or `UTC` "
                  + "(start typing for suggestions); `"
                  + Limits.fit(zoneText, 60)
                  + "` is not one.")
          .setEphemeral(true)
          .queue();
      return;
    }
    OptionMapping channelOption = event.getOption("channel");
    GuildMessageChannel channel =
        channelOption == null
            ? null
            : guild.getChannelById(GuildMessageChannel.class, channelOption.getAsLong());
    if (channel == null || channel.getType() != ChannelType.TEXT) {
      event.reply("`channel` must be a text channel of this server.").setEphemeral(true).queue();
      return;
    }
    if (!guild.getSelfMember().hasPermission(channel, DailyPublisher.NEEDED)) {
      event
          .reply(
              "I can't post in <#"
                  + channel.getId()
                  + ">: I need View Channel, Send Messages, Embed Links, "
                  + "Create Public Threads and Send Messages in Threads there.")
          .setEphemeral(true)
          .queue();
      return;
    }
    Person by = DailyAnswers.person(practice, event.getUser(), event.getMember());
    Optional<DailySettings> before = daily.settings(scope);
    DailySettings s = daily.configure(scope, channel.getId(), time, zone.get(), by);
    ZonedDateTime next = next(s, context.services().clock().instant());
    String lifted =
        before
            .filter(DailySettings::paused)
            .map(b -> "The pause is lifted (it was paused because " + b.pauseReason() + "). ")
            .orElse("");
    event
        .reply(
            Limits.fit(
                lifted
                    + "Daily question set up: <#"
                    + channel.getId()
                    + "> at "
                    + TIME.format(s.time())
                    + " "
                    + s.zone().getId()
                    + ". First post: <t:"
                    + next.toEpochSecond()
                    + ":F>. If I ever can't post there, "
                    + "the schedule pauses and I'll message you.",
                Limits.MESSAGE_CONTENT))
        .setEphemeral(true)
        .setAllowedMentions(List.of())
        .queue();
  }

  /**
   * The server's daily settings, or empty after telling the asker how to set the daily question up.
   */
  private Optional<DailySettings> settingsOrExplain(
      SlashCommandInteractionEvent event, Scope scope) {
    Optional<DailySettings> settings = daily.settings(scope);
    if (settings.isEmpty()) {
      event
          .reply(
              "The daily question is not set up here. Start it with `/daily setup channel time timezone`.")
          .setEphemeral(true)
          .queue();
    }
    return settings;
  }

  /**
   * {@code /daily status}: where and when the server's question is posted, and whether it is
   * paused.
   */
  private void status(SlashCommandInteractionEvent event, Scope scope) {
    Optional<DailySettings> settings = settingsOrExplain(event, scope);
    if (settings.isEmpty()) {
      return;
    }
    DailySettings s = settings.get();
    String state;
    if (!s.enabled()) {
      state = "**Off** (turned off with `/daily off`; `/daily setup` starts it again).";
    } else if (s.paused()) {
      state =
          "**Paused** because "
              + s.pauseReason()
              + ". Fix that, then run `/daily resume` (or `/daily setup` "
              + "with another channel).";
    } else {
      state =
          "**Running**. Next post: <t:"
              + next(s, context.services().clock().instant()).toEpochSecond()
              + ":F>.";
      state += DailyBacklog.of(daily).waiting(scope.key()).map(DailyCommand::queued).orElse("");
    }
    event
        .reply(
            Limits.fit(
                "Daily question: <#"
                    + s.channelId()
                    + "> at "
                    + TIME.format(s.time())
                    + " ("
                    + s.zone().getId()
                    + ").\nStatus: "
                    + state,
                Limits.MESSAGE_CONTENT))
        .setEphemeral(true)
        .setAllowedMentions(List.of())
        .queue();
  }

  /**
   * Where a post waiting in the posting queue stands: when it should go out, and how late that is.
   */
  private static String queued(DailyBacklog.Queued q) {
    long minutes = Math.max(0, java.time.Duration.between(q.due(), q.expected()).toMinutes());
    return "\nToday's question is in the posting queue (many servers post at this time, and Discord limits how "
        + "fast a bot may send): expected <t:"
        + q.expected().getEpochSecond()
        + ":T>"
        + (minutes == 0
            ? ", within a minute of its time."
            : ", about " + minutes + " min after its time.");
  }

  /** {@code /daily resume}: lifts a pause once the bot can post in the channel again. */
  private void resume(SlashCommandInteractionEvent event, Guild guild, Scope scope) {
    Optional<DailySettings> settings = settingsOrExplain(event, scope);
    if (settings.isEmpty()) {
      return;
    }
    DailySettings s = settings.get();
    if (!s.enabled()) {
      event
          .reply("The daily question is off, not paused. Run `/daily setup` to start it again.")
          .setEphemeral(true)
          .queue();
      return;
    }
    if (!s.paused()) {
      event
          .reply(
              "The daily question isn't paused: it posts in <#"
                  + s.channelId()
                  + "> at "
                  + TIME.format(s.time())
                  + " "
                  + s.zone().getId()
                  + ".")
          .setEphemeral(true)
          .setAllowedMentions(List.of())
          .queue();
      return;
    }
    GuildMessageChannel channel = guild.getChannelById(GuildMessageChannel.class, s.channelId());
    if (channel == null) {
      event
          .reply(
              "Still paused: the channel <#"
                  + s.channelId()
                  + "> is gone (or I can't see it). Run "
                  + "`/daily setup` with another channel.")
          .setEphemeral(true)
          .setAllowedMentions(List.of())
          .queue();
      return;
    }
    if (!guild.getSelfMember().hasPermission(channel, DailyPublisher.NEEDED)) {
      event
          .reply(
              "Still paused: I can't post in <#"
                  + channel.getId()
                  + ">. I need View Channel, Send Messages, "
                  + "Embed Links, Create Public Threads and Send Messages in Threads there.")
          .setEphemeral(true)
          .setAllowedMentions(List.of())
          .queue();
      return;
    }
    daily.resume(scope);
    event
        .reply(
            Limits.fit(
                "Resumed: the daily question posts again in <#"
                    + s.channelId()
                    + "> at "
                    + TIME.format(s.time())
                    + " "
                    + s.zone().getId()
                    + " (it was paused because "
                    + s.pauseReason()
                    + "). A question missed while paused goes out at my next check.",
                Limits.MESSAGE_CONTENT))
        .setEphemeral(true)
        .setAllowedMentions(List.of())
        .queue();
  }

  /** {@code /daily now}, after the acknowledgement: posts and says what happened. */
  private String now(SlashCommandInteractionEvent event, Scope scope) {
    Optional<DailySettings> settings = daily.settings(scope);
    if (settings.isEmpty()) {
      return "Set up the daily question first: `/daily setup channel time timezone`.";
    }
    DailyPublisher.Outcome outcome = publisher.publishNow(event.getJDA(), settings.get());
    if (outcome instanceof DailyPublisher.Outcome.Posted p) {
      return "Posted **"
          + p.post().question().title()
          + "** in <#"
          + settings.get().channelId()
          + ">"
          + (p.revealed() > 0 ? " and revealed the previous question." : ".");
    } else if (outcome instanceof DailyPublisher.Outcome.Paused p) {
      return "I couldn't post: "
          + p.reason()
          + ". The daily question is paused; fix that and run `/daily resume`, "
          + "or run `/daily setup` with a channel I can post in.";
    }
    return "Discord didn't take the message ("
        + ((DailyPublisher.Outcome.Retry) outcome).reason()
        + "). Try again in a minute.";
  }

  /**
   * {@code /daily reveal}, after the acknowledgement: reveals what is pending and says where, or
   * what failed.
   */
  private String reveal(SlashCommandInteractionEvent event, Scope scope) {
    DailyPublisher.Reveals reveals = publisher.revealPending(event.getJDA(), scope);
    String text =
        reveals.where().isEmpty() && reveals.failed() == 0
            ? "There is no unrevealed daily question."
            : reveals.where().isEmpty()
                ? ""
                : "Revealed in "
                    + String.join(
                        ", ", reveals.where().stream().map(id -> "<#" + id + ">").toList())
                    + ".";
    if (reveals.failed() > 0) {
      text +=
          (text.isEmpty() ? "" : " ")
              + "I couldn't post "
              + (reveals.failed() == 1 ? "a reveal" : reveals.failed() + " reveals")
              + " (Discord refused or did not answer); answers stay open and I'll try again with "
              + "`/daily reveal` or at the next daily post.";
    }
    return text;
  }

  @Override
  public void onAutocomplete(CommandAutoCompleteInteractionEvent event) {
    String typed = event.getFocusedOption().getValue().strip().toLowerCase(Locale.ROOT);
    List<Command.Choice> choices =
        ZONES.stream()
            .filter(z -> z.toLowerCase(Locale.ROOT).contains(typed))
            .sorted(
                (a, b) ->
                    Boolean.compare(
                        !a.toLowerCase(Locale.ROOT).startsWith(typed),
                        !b.toLowerCase(Locale.ROOT).startsWith(typed)))
            .limit(Limits.AUTOCOMPLETE_CHOICES)
            .map(z -> new Command.Choice(z, z))
            .toList();
    event.replyChoices(choices).queue();
  }

  // ---------------------------------------------------------------- components

  /** The daily question's components are everyone's, handled apart from the admin commands. */
  @Override
  public void onButton(ButtonInteractionEvent event, ComponentId id) {
    answers.onButton(event, id);
  }

  @Override
  public void onModal(ModalInteractionEvent event, ComponentId id) {
    answers.onModal(event, id);
  }

  // ---------------------------------------------------------------- helpers

  private static String option(SlashCommandInteractionEvent event, String name) {
    OptionMapping o = event.getOption(name);
    return o == null ? "" : o.getAsString();
  }

  static Optional<ZoneId> zone(String text) {
    String wanted = text == null ? "" : text.strip();
    Optional<String> known = ZONES.stream().filter(z -> z.equalsIgnoreCase(wanted)).findFirst();
    try {
      return known.map(ZoneId::of);
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** The first scheduled post after setting up at {@code now}. */
  static ZonedDateTime next(DailySettings s, Instant now) {
    ZonedDateTime local = now.atZone(s.zone());
    ZonedDateTime at = ZonedDateTime.of(local.toLocalDate(), s.time(), s.zone());
    return at.toInstant().isAfter(now)
        ? at
        : ZonedDateTime.of(local.toLocalDate().plusDays(1), s.time(), s.zone());
  }
}
