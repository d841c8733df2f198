package dev.interviewtutor.discord;

import dev.interviewtutor.knowledge.BankProblem;
import dev.interviewtutor.practice.PracticeService;
import dev.interviewtutor.practice.ServerBanks;
import dev.interviewtutor.store.Person;
import dev.interviewtutor.store.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * {@code /bank upload|list|remove|shipped}: a server's own question banks (Manage Server, checked
 * by the router from the member's permissions in each interaction). An upload is checked with the
 * bank parser and answered privately with every problem and its line; a good bank's questions then
 * come up only on that server.
 */
final class BankCommand implements SlashCommand {
  static final String NAME = "bank";
  private final BotContext context;

  BankCommand(BotContext context) {
    this.context = context;
  }

  private PracticeService practice() {
    return context.services().practice();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Optional<Permission> requiredPermission() {
    return Optional.of(Permission.MANAGE_SERVER);
  }

  @Override
  public SlashCommandData definition() {
    return Commands.slash(NAME, "This server's own question banks")
        .setContexts(InteractionContextType.GUILD)
        .addSubcommands(
            new SubcommandData("upload", "Add or replace a bank from a .md file (at most 1 MB)")
                .addOptions(
                    new OptionData(
                        OptionType.ATTACHMENT, "file", "The bank, a Markdown (.md) file", true)),
            new SubcommandData("list", "This server's banks and which shipped banks are on"),
            new SubcommandData("remove", "Remove one of this server's banks")
                .addOptions(
                    new OptionData(
                        OptionType.STRING, "name", "The bank's name (see /bank list)", true, true)),
            new SubcommandData("shipped", "Switch a shipped bank on or off for this server")
                .addOptions(
                    new OptionData(
                        OptionType.STRING, "name", "The shipped bank (see /bank list)", true, true),
                    new OptionData(
                        OptionType.BOOLEAN, "enabled", "On (true) or off (false)", true)));
  }

  @Override
  public void onSlash(SlashCommandInteractionEvent event) {
    String sub = event.getSubcommandName() == null ? "" : event.getSubcommandName();
    switch (sub) {
      case "upload" -> upload(event);
      case "list" ->
          context
              .adminWork()
              .deferred(
                  "/bank list",
                  event,
                  true,
                  hook ->
                      Replies.editOriginal(
                          hook, listMessage(practice().serverBanks().list(place(event)))));
      case "remove" -> {
        String name = event.getOption("name", "", OptionMapping::getAsString).strip();
        context
            .adminWork()
            .deferred(
                "/bank remove",
                event,
                true,
                hook -> {
                  boolean removed = practice().serverBanks().remove(place(event), name);
                  Replies.editOriginal(
                      hook,
                      removed
                          ? "Removed the bank `"
                              + name
                              + "`. Its questions no longer come up here; answers already given keep"
                              + " their points, and an interview or daily question that had one shows it as removed."
                          : "This server has no bank called `"
                              + Limits.fit(name, 50)
                              + "`. See /bank list.");
                });
      }
      case "shipped" -> {
        String name = event.getOption("name", "", OptionMapping::getAsString).strip();
        boolean enabled = event.getOption("enabled", true, OptionMapping::getAsBoolean);
        context
            .adminWork()
            .deferred(
                "/bank shipped",
                event,
                true,
                hook -> {
                  practice().serverBanks().setShipped(place(event), name, enabled);
                  Replies.editOriginal(
                      hook,
                      "The shipped bank `"
                          + name
                          + "` is now "
                          + (enabled ? "on" : "off")
                          + " on this server.");
                });
      }
      default ->
          event
              .reply("Use /bank upload, /bank list, /bank remove or /bank shipped.")
              .setEphemeral(true)
              .queue();
    }
  }

  private void upload(SlashCommandInteractionEvent event) {
    Message.Attachment file = event.getOption("file", OptionMapping::getAsAttachment);
    if (file == null) {
      event
          .reply("Attach the bank as a .md file: `/bank upload file:`.")
          .setEphemeral(true)
          .queue();
      return;
    }
    if (!file.getFileName().toLowerCase(Locale.ROOT).endsWith(".md")) {
      event
          .reply(
              "`"
                  + Limits.fit(file.getFileName(), 100)
                  + "` is not a Markdown file: upload the bank as a .md"
                  + " file.")
          .setEphemeral(true)
          .setAllowedMentions(List.of())
          .queue();
      return;
    }
    if (file.getSize() > ServerBanks.MAX_BYTES) {
      event
          .reply(
              "`"
                  + Limits.fit(file.getFileName(), 100)
                  + "` is "
                  + file.getSize()
                  + " bytes; a bank may be at"
                  + " most 1 MB ("
                  + ServerBanks.MAX_BYTES
                  + " bytes). Split it into several files.")
          .setEphemeral(true)
          .setAllowedMentions(List.of())
          .queue();
      return;
    }
    String person = Person.discordKey(event.getUser().getIdLong());
    context
        .adminWork()
        .deferred(
            "/bank upload",
            event,
            true,
            hook -> {
              byte[] bytes = AttachmentDownload.fetch(file.getUrl(), ServerBanks.MAX_BYTES);
              ServerBanks.Upload result =
                  practice().serverBanks().upload(place(event), file.getFileName(), bytes, person);
              if (!result.saved()) {
                Replies.editOriginal(
                    hook,
                    problemsMessage(
                        "The bank was not loaded; nothing changed on this server.",
                        result.problems()));
                return;
              }
              Replies.editOriginal(
                  hook,
                  (result.replaced() ? "Replaced" : "Added")
                      + " the bank `"
                      + result.name()
                      + "`: "
                      + result.questions()
                      + " question(s), now in /quiz, /interview, /review, the daily question and /explain"
                      + " on this server only.");
            });
  }

  @Override
  public void onAutocomplete(CommandAutoCompleteInteractionEvent event) {
    String typed = event.getFocusedOption().getValue().toLowerCase(Locale.ROOT);
    // Read only: autocomplete answers at once, and a server with nothing stored has no banks of its
    // own.
    Scope known = People.place(practice(), event.getGuild());
    List<String> names;
    if ("shipped".equals(event.getSubcommandName())) {
      names = List.copyOf(practice().catalog().shippedBanks().keySet());
    } else {
      names =
          known == null
              ? List.of()
              : practice().serverBanks().list(known).own().stream()
                  .map(ServerBanks.OwnBank::name)
                  .toList();
    }
    event
        .replyChoices(
            names.stream()
                .filter(n -> n.contains(typed))
                .limit(Limits.AUTOCOMPLETE_CHOICES)
                .map(n -> new Command.Choice(n, n))
                .toList())
        .queue();
  }

  /** The server's scope, created when needed (called after the acknowledgement: it may write). */
  private Scope place(SlashCommandInteractionEvent event) {
    return People.scope(practice(), event.getGuild(), event.getUser());
  }

  static String listMessage(ServerBanks.Listing listing) {
    List<String> lines = new ArrayList<>();
    lines.add("**This server's banks**");
    if (listing.own().isEmpty()) {
      lines.add("none yet: add one with /bank upload");
    }
    listing
        .own()
        .forEach(b -> lines.add("• `" + b.name() + "`: " + b.questions() + " question(s)"));
    lines.add("**Shipped banks** (switch with /bank shipped)");
    listing
        .shipped()
        .forEach(
            b ->
                lines.add(
                    "• `"
                        + b.name()
                        + "`: "
                        + b.questions()
                        + " question(s), "
                        + (b.enabled() ? "on" : "off")));
    return fitLines("", lines);
  }

  /**
   * A header and every problem as {@code file:line: message}, in the order given (sorted by file
   * and line), cut to Discord's message limit with "... and N more".
   */
  static String problemsMessage(String header, List<BankProblem> problems) {
    List<String> lines = new ArrayList<>();
    for (BankProblem p : problems) {
      lines.add(
          "• `"
              + p.file().getFileName()
              + (p.line() > 0 ? ":" + p.line() : "")
              + "` "
              + p.message());
    }
    return fitLines(
        header + " " + problems.size() + (problems.size() == 1 ? " problem:" : " problems:"),
        lines);
  }

  /** The header and as many whole lines as fit in one message, then "... and N more". */
  static String fitLines(String header, List<String> lines) {
    StringBuilder out = new StringBuilder(header);
    for (int i = 0; i < lines.size(); i++) {
      String more = "\n… and " + (lines.size() - i) + " more";
      String line = Limits.fit(lines.get(i), 500);
      int left = lines.size() - i - 1;
      int reserve = left == 0 ? 0 : ("\n… and " + left + " more").length();
      if (out.length() + 1 + line.length() + reserve > Limits.MESSAGE_CONTENT) {
        out.append(more);
        return out.toString();
      }
      out.append(out.length() == 0 ? "" : "\n").append(line);
    }
    return out.toString();
  }
}
