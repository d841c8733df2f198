package dev.interviewtutor.discord;

import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * {@code /interview start [topic] [questions]} and {@code /interview stop}: a mock interview in a
 * private thread created for the person (or in the DM when used there). One question at a time;
 * answers come through the Answer button and modal, or as plain messages in the thread or DM. The
 * session lives in the database, so after a restart the buttons and plain answers carry on where
 * the person left off.
 *
 * <p>The command's parts: {@link InterviewStart} (the slash command), {@link InterviewButtons}
 * (buttons and forms), {@link InterviewPlainAnswers} (typed answers), {@link InterviewAnswers} with
 * {@link PendingFollowUps} (grading answers and follow-ups) and {@link InterviewMessages} (how it
 * looks).
 */
final class InterviewCommand implements SlashCommand, PlainMessageHandler {
  static final String NAME = "interview";
  static final int MAX_QUESTIONS = 20;
  static final String THREAD_PREFIX = "Interview · ";

  private final BotContext ctx;
  private final InterviewStart start;
  private final InterviewButtons buttons;
  private final InterviewPlainAnswers plainAnswers;

  InterviewCommand(BotContext ctx) {
    this.ctx = ctx;
    PendingFollowUps pending = new PendingFollowUps();
    ctx.services().practice().onForget(pending::forget);
    InterviewAnswers answers = new InterviewAnswers(ctx, pending);
    this.start = new InterviewStart(ctx);
    this.buttons = new InterviewButtons(ctx, pending, answers);
    this.plainAnswers = new InterviewPlainAnswers(ctx, pending, answers);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public SlashCommandData definition() {
    return Commands.slash(NAME, "A mock interview")
        .addSubcommands(
            new SubcommandData(
                    "start", "Start a mock interview in a private thread (or here in DMs)")
                .addOptions(
                    new OptionData(
                        OptionType.STRING, "topic", "Only questions of this topic", false, true),
                    new OptionData(
                            OptionType.INTEGER,
                            "questions",
                            "How many questions (default 5)",
                            false)
                        .setRequiredRange(1, MAX_QUESTIONS)),
            new SubcommandData("stop", "End your interview and see the summary"));
  }

  @Override
  public void onSlash(SlashCommandInteractionEvent event) {
    start.onSlash(event);
  }

  @Override
  public void onAutocomplete(CommandAutoCompleteInteractionEvent event) {
    event
        .replyChoices(
            SingleQuestionCommand.topicChoices(
                ctx.services().practice(),
                People.place(ctx.services().practice(), event.getGuild()),
                event.getFocusedOption().getValue()))
        .queue();
  }

  @Override
  public void onButton(ButtonInteractionEvent event, ComponentId id) {
    buttons.onButton(event, id);
  }

  @Override
  public void onModal(ModalInteractionEvent event, ComponentId id) {
    buttons.onModal(event, id);
  }

  @Override
  public boolean onMessage(MessageReceivedEvent event) {
    return plainAnswers.onMessage(event);
  }
}
