package dev.interviewtutor.discord;

import dev.interviewtutor.practice.PracticeService;
import dev.interviewtutor.store.Person;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;

/**
 * {@code /forget-me}: after a confirmation button, deletes every row about the person in one
 * transaction.
 */
final class ForgetMeCommand implements SlashCommand {
  static final String NAME = "forget-me";
  private final PracticeService practice;

  ForgetMeCommand(PracticeService practice) {
    this.practice = practice;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public SlashCommandData definition() {
    return Commands.slash(NAME, "Delete everything the tutor stores about you");
  }

  @Override
  public void onSlash(SlashCommandInteractionEvent event) {
    long me = event.getUser().getIdLong();
    event
        .reply(
            "This deletes **everything** I store about you: answers, scores, streaks, review schedule, "
                + "interviews and daily answers, on every server. It cannot be undone. Are you sure?")
        .setEphemeral(true)
        .setComponents(
            ActionRow.of(
                Button.danger(
                    ComponentId.of(NAME, me, "confirm").encode(), "Yes, delete everything"),
                Button.secondary(ComponentId.of(NAME, me, "cancel").encode(), "Cancel")))
        .queue();
  }

  @Override
  public void onButton(ButtonInteractionEvent event, ComponentId id) {
    if (id.action().equals("cancel")) {
      event.editMessage("Cancelled: nothing was deleted.").setComponents(List.of()).queue();
      return;
    }
    if (!id.action().equals("confirm")) {
      event.reply(CommandRouter.OLD_VERSION).setEphemeral(true).queue();
      return;
    }
    // The click is acknowledged before the delete (one transaction over every table, which can wait
    // on the
    // database); the confirmation message is then edited with the result.
    event.deferEdit().queue();
    InteractionHook hook = event.getHook();
    Optional<Person> person = practice.findPerson(Person.discordKey(event.getUser().getIdLong()));
    if (person.isEmpty()) {
      Replies.editOriginal(
          hook,
          new MessageEditBuilder()
              .setContent("I had nothing stored about you.")
              .setComponents(List.of())
              .build());
      return;
    }
    int rows = practice.forget(person.get());
    Replies.editOriginal(
        hook,
        new MessageEditBuilder()
            .setContent(
                "Done: I deleted everything I stored about you ("
                    + rows
                    + " records). If you use the tutor again, you start from scratch.")
            .setComponents(List.of())
            .build());
  }
}
