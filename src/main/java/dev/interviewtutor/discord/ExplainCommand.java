package dev.interviewtutor.discord;

import dev.interviewtutor.grading.KnowledgeSearch;
import dev.interviewtutor.knowledge.Question;
import java.awt.Color;
import java.util.List;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * {@code /explain query}: the bank question that best matches, with its explanation and tip (no
 * LLM).
 */
final class ExplainCommand implements SlashCommand {
  static final String NAME = "explain";
  private final BotContext context;
  private final PlaceSearch search;

  ExplainCommand(BotContext context, PlaceSearch search) {
    this.context = context;
    this.search = search;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public SlashCommandData definition() {
    return Commands.slash(NAME, "Explain a concept from the " + "question banks")
        .addOptions(
            new OptionData(OptionType.STRING, "query", "What to explain, e.g. worker threads", true)
                .setMaxLength(200));
  }

  @Override
  public void onSlash(SlashCommandInteractionEvent event) {
    OptionMapping q = event.getOption("query");
    String query = q == null ? "" : q.getAsString().strip();
    if (query.isEmpty()) {
      event
          .reply("Tell me what to explain, e.g. `/explain query: worker threads`.")
          .setEphemeral(true)
          .queue();
      return;
    }
    context
        .grading()
        .deferred(
            "/explain",
            event,
            true,
            hook -> {
              List<KnowledgeSearch.Hit> hits =
                  search.search(
                      People.place(context.services().practice(), event.getGuild()), query, 3);
              if (hits.isEmpty()) {
                Replies.editOriginal(
                    hook, "The question banks are empty, so there is nothing to explain.");
                return;
              }
              KnowledgeSearch.Hit best = hits.get(0);
              Question question = best.question();
              EmbedBuilder e =
                  new EmbedBuilder()
                      .setColor(new Color(0x4F7CAC))
                      .setAuthor(
                          Limits.fit(
                              (best.confident() ? "Best match for: " : "Closest (weak) match for: ")
                                  + query,
                              Limits.EMBED_TITLE))
                      .setTitle(Limits.fit(question.title(), Limits.EMBED_TITLE))
                      .setDescription(
                          Limits.fit(
                              question.explanation().isBlank()
                                  ? best.passage()
                                  : question.explanation(),
                              Limits.EMBED_DESCRIPTION));
              if (!question.tip().isBlank()) {
                e.addField("Interview tip", Limits.field(question.tip()), false);
              }
              if (hits.size() > 1) {
                e.addField(
                    "Related",
                    Limits.field(
                        hits.subList(1, hits.size()).stream()
                            .map(h -> "#" + h.question().id() + " " + h.question().title())
                            .collect(Collectors.joining("\n"))),
                    false);
              }
              e.setFooter(
                  "Topic: "
                      + question.topic()
                      + " · #"
                      + question.id()
                      + " · practise it with /quiz");
              Replies.editOriginal(hook, List.of(e.build()), List.of());
            });
  }
}
