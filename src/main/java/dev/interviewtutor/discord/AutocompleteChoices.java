package dev.interviewtutor.discord;

import dev.interviewtutor.knowledge.QuestionBank;
import java.util.List;
import java.util.Locale;
import net.dv8tion.jda.api.interactions.commands.Command;

/**
 * What slash-command autocomplete offers, computed without an interaction event so that its cost
 * can be measured on the whole library ({@code tutor bench-search}).
 */
public final class AutocompleteChoices {
  private AutocompleteChoices() {}

  /**
   * Topics containing what was typed (case-insensitive), at most {@link
   * Limits#AUTOCOMPLETE_CHOICES}.
   */
  public static List<Command.Choice> topics(List<String> topics, String typed) {
    String needle = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
    return topics.stream()
        .filter(t -> t.toLowerCase(Locale.ROOT).contains(needle))
        .limit(Limits.AUTOCOMPLETE_CHOICES)
        .map(t -> new Command.Choice(Limits.fit(t, Limits.CHOICE_NAME), t))
        .toList();
  }

  /**
   * Questions of a topic (all when blank) whose "id title" contains what was typed, as "id. title"
   * choices.
   */
  public static List<Command.Choice> questions(QuestionBank bank, String topic, String typed) {
    String needle = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
    return bank.byTopic(topic).stream()
        .filter(q -> (q.id() + " " + q.title()).toLowerCase(Locale.ROOT).contains(needle))
        .limit(Limits.AUTOCOMPLETE_CHOICES)
        .map(
            q ->
                new Command.Choice(
                    Limits.fit(q.id() + ". " + q.title(), Limits.CHOICE_NAME), q.id()))
        .toList();
  }
}
