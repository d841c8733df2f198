package dev.interviewtutor.discord;

import dev.interviewtutor.practice.InterviewState;
import dev.interviewtutor.practice.InterviewSummary;
import dev.interviewtutor.practice.PracticeService;
import dev.interviewtutor.store.Person;
import dev.interviewtutor.store.Scope;
import java.util.Optional;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * {@code /interview start} and {@code /interview stop}: acknowledges first, then starts (or
 * resumes) the person's interview in its {@link InterviewPlace}, or stops it with the summary.
 */
final class InterviewStart {
  private final BotContext ctx;

  InterviewStart(BotContext ctx) {
    this.ctx = ctx;
  }

  private PracticeService practice() {
    return ctx.services().practice();
  }

  void onSlash(SlashCommandInteractionEvent event) {
    User user = event.getUser();
    boolean stop = "stop".equals(event.getSubcommandName());
    String typedTopic = stop ? "" : event.getOption("topic", OptionMapping::getAsString);
    int length =
        event.getOption(
            "questions", PracticeService.DEFAULT_INTERVIEW_LENGTH, OptionMapping::getAsInt);
    InterviewPlace place = InterviewPlace.of(event);
    // Acknowledged before any write (person, scope, the interview): the ack never waits for the
    // database. In a
    // server the reply is private: the interview itself goes to a private thread or to DMs.
    boolean ephemeral = event.getGuild() != null && place != InterviewPlace.HERE_IN_THREAD;
    ctx.grading()
        .deferred(
            "/interview " + event.getSubcommandName(),
            event,
            ephemeral,
            hook -> {
              Person person = People.person(practice(), user);
              Scope scope =
                  People.scope(
                      practice(),
                      place == InterviewPlace.DIRECT_MESSAGES ? null : event.getGuild(),
                      user);
              // The topics of the place the interview runs in (a server's own banks count there).
              String topic = SingleQuestionCommand.checkTopic(practice(), scope, typedTopic);
              Optional<InterviewState> active = practice().activeInterview(person, scope);
              if (stop) {
                stop(hook, user, active);
              } else if (active.isPresent()) {
                // Resume: show where the person left off, privately.
                Replies.editOriginal(
                    hook,
                    MessageEditData.fromCreateData(InterviewMessages.resumed(user, active.get())));
              } else {
                start(
                    event,
                    hook,
                    place,
                    practice().startInterview(person, scope, topic, length),
                    topic);
              }
            });
  }

  private void stop(InteractionHook hook, User user, Optional<InterviewState> active) {
    if (active.isEmpty()) {
      Replies.editOriginal(
          hook, "You have no interview in progress. Start one with /interview start.");
      return;
    }
    InterviewSummary summary = practice().stopInterview(active.get().sessionId());
    Replies.editOriginal(
        hook,
        new MessageEditBuilder()
            .setEmbeds(Embeds.summary(summary, user.getEffectiveName()))
            .build());
  }

  private void start(
      SlashCommandInteractionEvent event,
      InteractionHook hook,
      InterviewPlace place,
      InterviewState state,
      String topic) {
    User user = event.getUser();
    MessageCreateData first = InterviewMessages.started(user, state, topic);
    switch (place) {
      case HERE_IN_THREAD, HERE_IN_DM ->
          Replies.editOriginal(hook, MessageEditData.fromCreateData(first));
      case PRIVATE_THREAD ->
          openThread(
              hook,
              InterviewPlace.parentText(event.getChannel()),
              user,
              state,
              first,
              event.getChannel() instanceof ThreadChannel);
      case DIRECT_MESSAGES ->
          user.openPrivateChannel()
              .flatMap(dm -> dm.sendMessage(first))
              .queue(
                  sent ->
                      Replies.editOriginal(
                          hook,
                          "Interviews are private, and this channel isn't: your interview is "
                              + "in our DMs ("
                              + sent.getChannel().getAsMention()
                              + "). Answer there with the button or by typing."),
                  failure -> {
                    practice().stopInterview(state.sessionId());
                    Replies.editOriginal(
                        hook,
                        "Interviews are private, so I tried to start yours in our DMs, but I "
                            + "can't message you (your DMs may be closed to server members). Open a DM with me and use "
                            + "/interview start there, or use it in a text channel.");
                  });
    }
  }

  private void openThread(
      InteractionHook hook,
      TextChannel text,
      User user,
      InterviewState state,
      MessageCreateData first,
      boolean movedFromThread) {
    text.createThreadChannel(
            Limits.fit(InterviewCommand.THREAD_PREFIX + user.getEffectiveName(), 100), true)
        .setInvitable(false)
        .queue(
            thread -> {
              thread.addThreadMember(user).queue();
              thread.sendMessage(first).queue();
              Replies.editOriginal(
                  hook,
                  (movedFromThread ? "Interviews are private, and this thread isn't: " : "")
                      + "Your interview is ready in "
                      + thread.getAsMention()
                      + (movedFromThread
                          ? ", a private thread in " + text.getAsMention() + "."
                          : "."));
            },
            failure -> {
              practice().stopInterview(state.sessionId());
              Replies.editOriginal(
                  hook,
                  "I couldn't create a private thread here (I may be missing the "
                      + "Create Private Threads permission). Try /interview start in a DM with me.");
            });
  }
}
