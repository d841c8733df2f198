package dev.interviewtutor.discord;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.interviewtutor.UserFacingException;
import dev.interviewtutor.grading.Grade;
import dev.interviewtutor.grading.llm.FollowUp;
import dev.interviewtutor.knowledge.KeyPoint;
import dev.interviewtutor.practice.InterviewState;
import dev.interviewtutor.practice.InterviewSummary;
import dev.interviewtutor.practice.InterviewTurn;
import dev.interviewtutor.practice.PracticeService;
import dev.interviewtutor.store.Person;
import dev.interviewtutor.store.Scope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentMap;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * {@code /interview start [topic] [questions]} and {@code /interview stop}: a mock interview in a private thread
 * created for the person (or in the DM when used there). One question at a time; answers come through the Answer
 * button and modal, or as plain messages in the thread or DM. The session lives in the database, so after a
 * restart the buttons and plain answers carry on where the person left off.
 *
 * <p>After a partially correct answer the engine may return one follow-up about a missed key point (with an LLM
 * configured, {@code TUTOR_LLM_FOLLOW_UPS}). It is shown before the next question, answered with its own button
 * and form or as the next plain message, and graded against that key point only
 * ({@link PracticeService#answerFollowUp}). A pending follow-up is held in memory: after a restart its buttons say
 * it expired and show the next question (the interview itself had already moved on).
 */
final class InterviewCommand implements SlashCommand, PlainMessageHandler {
  static final int MAX_QUESTIONS = 20;
  static final String THREAD_PREFIX = "Interview · ";
  private final BotContext ctx;
  /** At most this many follow-ups wait at once; the oldest beyond it expire (their buttons say so). */
  static final long MAX_PENDING_FOLLOW_UPS = 10_000;
  /** A follow-up nobody answered within this long expires. */
  static final Duration FOLLOW_UP_TTL = Duration.ofDays(1);
  /** Follow-ups waiting for a reply, per interview session: bounded, and forgotten after a day. */
  private final Map<Long, PendingFollowUp> pending = pendingMap(Ticker.systemTicker());

  /**
   * A follow-up asked after the answer at {@code position}, and the turn to show once it is done; whose it is
   * (Discord user, scope), so a plain reply finds it even when that answer ended the interview.
   */
  private record PendingFollowUp(int position, FollowUp followUp, InterviewTurn turn, long userId, long scopeId) {}

  InterviewCommand(BotContext ctx) {
    this.ctx = ctx;
    // A pending follow-up quotes the person's answer (its turn, its grade): it goes with forget-me.
    ctx.services().practice().onForget(person ->
        pending.values().removeIf(p -> Person.discordKey(p.userId()).equals(person.key())));
  }

  /** The map of pending follow-ups: bounded in size and age ({@code ticker} lets a test move time). */
  static <V> ConcurrentMap<Long, V> pendingMap(Ticker ticker) {
    Cache<Long, V> cache = Caffeine.newBuilder().maximumSize(MAX_PENDING_FOLLOW_UPS).expireAfterWrite(FOLLOW_UP_TTL)
        .ticker(ticker).executor(Runnable::run).build();
    return cache.asMap();
  }

  private PracticeService practice() {
    return ctx.services().practice();
  }

  static final String NAME = "interview";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public SlashCommandData definition() {
    return Commands.slash("interview", "A mock interview")
        .addSubcommands(
            new SubcommandData("start", "Start a mock interview in a private thread (or here in DMs)")
                .addOptions(new OptionData(OptionType.STRING, "topic", "Only questions of this topic", false, true),
                    new OptionData(OptionType.INTEGER, "questions", "How many questions (default 5)", false)
                        .setRequiredRange(1, MAX_QUESTIONS)),
            new SubcommandData("stop", "End your interview and see the summary"));
  }

  @Override
  public void onSlash(SlashCommandInteractionEvent event) {
    User user = event.getUser();
    String typedTopic = "stop".equals(event.getSubcommandName()) ? ""
        : event.getOption("topic", OptionMapping::getAsString);
    int length = event.getOption("questions", PracticeService.DEFAULT_INTERVIEW_LENGTH, OptionMapping::getAsInt);
    Where where = where(event);
    // Acknowledged before any write (person, scope, the interview): the ack never waits for the database. In a
    // server the reply is private: the interview itself goes to a private thread or to DMs.
    boolean ephemeral = event.getGuild() != null && !(where == Where.HERE_IN_THREAD);
    ctx.grading().deferred("/interview " + event.getSubcommandName(), event, ephemeral, hook -> {
      Person person = People.person(practice(), user);
      Scope scope = People.scope(practice(), where == Where.DIRECT_MESSAGES ? null : event.getGuild(), user);
      // The topics of the place the interview runs in (a server's own banks count there).
      String topic = SingleQuestionCommand.checkTopic(practice(), scope, typedTopic);
      if ("stop".equals(event.getSubcommandName())) {
        Optional<InterviewState> active = practice().activeInterview(person, scope);
        if (active.isEmpty()) {
          Replies.editOriginal(hook, "You have no interview in progress. Start one with /interview start.");
          return;
        }
        InterviewSummary summary = practice().stopInterview(active.get().sessionId());
        Replies.editOriginal(hook, new MessageEditBuilder().setEmbeds(Embeds.summary(summary, user.getEffectiveName()))
            .build());
        return;
      }
      Optional<InterviewState> active = practice().activeInterview(person, scope);
      if (active.isPresent()) {
        // Resume: show where the person left off, privately.
        Replies.editOriginal(hook, MessageEditData.fromCreateData(new MessageCreateBuilder()
            .applyData(InterviewMessages.question(user, active.get()))
            .setContent("You have an interview in progress; here is where you left off. "
                + "Use /interview stop to end it.")
            .build()));
        return;
      }
      InterviewState state = practice().startInterview(person, scope, topic, length);
      MessageCreateData first = new MessageCreateBuilder()
          .applyData(InterviewMessages.question(user, state))
          .setContent("Mock interview: " + state.total() + " question(s)" + (topic.isBlank() ? "" : " on " + topic)
              + ". Answer with the button, or just type your answer here.")
          .build();
      switch (where) {
        case HERE_IN_THREAD, HERE_IN_DM -> Replies.editOriginal(hook, MessageEditData.fromCreateData(first));
        case PRIVATE_THREAD -> openThread(hook, (TextChannel) parentText(event.getChannel()), user, state, first,
            event.getChannel() instanceof ThreadChannel);
        case DIRECT_MESSAGES -> user.openPrivateChannel().flatMap(dm -> dm.sendMessage(first)).queue(
            sent -> Replies.editOriginal(hook, "Interviews are private, and this channel isn't: your interview is "
                + "in our DMs (" + sent.getChannel().getAsMention() + "). Answer there with the button or by typing."),
            failure -> {
              practice().stopInterview(state.sessionId());
              Replies.editOriginal(hook, "Interviews are private, so I tried to start yours in our DMs, but I "
                  + "can't message you (your DMs may be closed to server members). Open a DM with me and use "
                  + "/interview start there, or use it in a text channel.");
            });
      }
    });
  }

  /** Where an interview started from this channel takes place; questions and graded answers are never public. */
  private enum Where { PRIVATE_THREAD, HERE_IN_THREAD, HERE_IN_DM, DIRECT_MESSAGES }

  private static Where where(SlashCommandInteractionEvent event) {
    if (event.getGuild() == null) {
      return Where.HERE_IN_DM;
    }
    MessageChannel channel = event.getChannel();
    if (channel instanceof ThreadChannel thread && thread.isOwner() && thread.getType() == ChannelType.GUILD_PRIVATE_THREAD
        && thread.getName().startsWith(THREAD_PREFIX)) {
      return Where.HERE_IN_THREAD;
    }
    // A text channel, or a public thread of one: a private thread in that text channel.
    return parentText(channel) instanceof TextChannel ? Where.PRIVATE_THREAD : Where.DIRECT_MESSAGES;
  }

  /** The text channel itself, the text channel a thread belongs to, or null (forum posts, voice chats, ...). */
  private static MessageChannel parentText(MessageChannel channel) {
    if (channel instanceof TextChannel text) {
      return text;
    }
    if (channel instanceof ThreadChannel thread && thread.getParentChannel() instanceof TextChannel text) {
      return text;
    }
    return null;
  }

  private void openThread(InteractionHook hook, TextChannel text, User user, InterviewState state,
      MessageCreateData first, boolean movedFromThread) {
    text.createThreadChannel(Limits.fit(THREAD_PREFIX + user.getEffectiveName(), 100), true)
        .setInvitable(false)
        .queue(thread -> {
          thread.addThreadMember(user).queue();
          thread.sendMessage(first).queue();
          Replies.editOriginal(hook, (movedFromThread ? "Interviews are private, and this thread isn't: " : "")
              + "Your interview is ready in " + thread.getAsMention() + (movedFromThread ? ", a private thread in "
              + text.getAsMention() + "." : "."));
        }, failure -> {
          practice().stopInterview(state.sessionId());
          Replies.editOriginal(hook, "I couldn't create a private thread here (I may be missing the "
              + "Create Private Threads permission). Try /interview start in a DM with me.");
        });
  }

  @Override
  public void onAutocomplete(CommandAutoCompleteInteractionEvent event) {
    event.replyChoices(SingleQuestionCommand.topicChoices(practice(), People.place(practice(), event.getGuild()),
        event.getFocusedOption().getValue())).queue();
  }

  @Override
  public void onButton(ButtonInteractionEvent event, ComponentId id) {
    long sessionId = Long.parseLong(id.arg(0));
    if (id.action().startsWith("follow-up")) {
      onFollowUpButton(event, id, sessionId);
      return;
    }
    InterviewState state = practice().interview(sessionId);
    if (state.finished()) {
      event.reply("This interview is over. Start a new one with /interview start.").setEphemeral(true).queue();
      return;
    }
    if (!id.action().equals("stop") && state.position() != Integer.parseInt(id.arg(1))) {
      event.reply("That question is already done; you're on question " + (state.position() + 1) + " of "
          + state.total() + ".").setEphemeral(true).queue();
      return;
    }
    switch (id.action()) {
      case "answer" -> event.replyModal(AnswerFlow.answerModal(
          ComponentId.of(name(), id.owner(), "submit", id.arg(0), id.arg(1)),
          "Question " + (state.position() + 1) + " of " + state.total())).queue();
      case "hint" -> {
        InterviewState after = practice().hintInterview(sessionId);
        List<KeyPoint> hints = after.hints();
        if (hints.size() == state.hints().size()) {
          event.reply("No more hints for this one: every key point has been shown.").setEphemeral(true).queue();
        } else {
          event.replyEmbeds(Embeds.hint(after.current().orElseThrow(), hints.get(hints.size() - 1), hints.size()))
              .setEphemeral(true).queue();
        }
      }
      case "skip" -> event.reply(InterviewMessages.turn(event.getUser(), practice().skipInterview(sessionId))).queue();
      case "stop" -> event.replyEmbeds(Embeds.summary(practice().stopInterview(sessionId),
          event.getUser().getEffectiveName())).queue();
      default -> event.reply("That button no longer does anything.").setEphemeral(true).queue();
    }
  }

  @Override
  public void onModal(ModalInteractionEvent event, ComponentId id) {
    long sessionId = Long.parseLong(id.arg(0));
    int position = Integer.parseInt(id.arg(1));
    var value = event.getValue(AnswerFlow.ANSWER_FIELD);
    String answer = value == null ? "" : value.getAsString();
    User user = event.getUser();
    if (id.action().equals("follow-up-submit")) {
      PendingFollowUp waiting = pending.get(sessionId);
      if (waiting == null || waiting.position() != position) {
        event.reply(expired(user, sessionId)).setEphemeral(true).queue();
        return;
      }
      AnswerFlow.gradeDeferred(ctx, event, answer, false,
          () -> MessageEditData.fromCreateData(followUpReply(user, sessionId, position, answer)));
      return;
    }
    AnswerFlow.gradeDeferred(ctx, event, answer, false,
        () -> MessageEditData.fromCreateData(InterviewMessages.turn(user, answerAt(sessionId, position, answer, user,
            People.scope(practice(), event.getGuild(), user)))));
  }

  private InterviewTurn answerAt(long sessionId, int position, String answer, User user, Scope scope) {
    InterviewState state = practice().interview(sessionId);
    if (state.finished() || state.position() != position) {
      throw new UserFacingException("That question was already answered or skipped; you're on question "
          + Math.min(state.position() + 1, state.total()) + " of " + state.total() + ".");
    }
    pending.remove(sessionId);
    InterviewTurn turn = practice().answerInterview(sessionId, answer);
    if (turn.followUp().isPresent()) {
      pending.values().removeIf(p -> p.userId() == user.getIdLong() && p.scopeId() == scope.id());
      pending.put(sessionId, new PendingFollowUp(position, turn.followUp().get(), turn, user.getIdLong(),
          scope.id()));
    }
    return turn;
  }

  // ---------------------------------------------------------------- follow-ups

  private void onFollowUpButton(ButtonInteractionEvent event, ComponentId id, long sessionId) {
    int position = Integer.parseInt(id.arg(1));
    PendingFollowUp waiting = pending.get(sessionId);
    if (waiting == null || waiting.position() != position) {
      event.reply(expired(event.getUser(), sessionId)).setEphemeral(true).queue();
      return;
    }
    switch (id.action()) {
      case "follow-up-answer" -> event.replyModal(AnswerFlow.answerModal(
          ComponentId.of(name(), id.owner(), "follow-up-submit", id.arg(0), id.arg(1)), "Follow-up")).queue();
      case "follow-up-skip" -> {
        if (pending.remove(sessionId, waiting)) {
          event.reply(new MessageCreateBuilder().applyData(continuation(event.getUser(), waiting.turn()))
              .setContent("Follow-up skipped.").build()).queue();
        } else {
          event.reply(expired(event.getUser(), sessionId)).setEphemeral(true).queue();
        }
      }
      default -> event.reply("That button no longer does anything.").setEphemeral(true).queue();
    }
  }

  /** Grades a follow-up reply (once), then shows the next question or the summary. */
  private MessageCreateData followUpReply(User user, long sessionId, int position, String answer) {
    PendingFollowUp waiting = pending.get(sessionId);
    if (waiting == null || waiting.position() != position) {
      return expired(user, sessionId);
    }
    Grade grade = practice().answerFollowUp(sessionId, waiting.followUp(), answer);
    if (!pending.remove(sessionId, waiting)) {
      return expired(user, sessionId);
    }
    MessageCreateData next = continuation(user, waiting.turn());
    List<MessageEmbed> embeds = new ArrayList<>();
    embeds.add(Embeds.followUpGrade(grade));
    embeds.addAll(next.getEmbeds());
    return new MessageCreateBuilder().setEmbeds(embeds).setComponents(next.getComponents())
        .setContent(next.getContent()).build();
  }

  /** For a follow-up whose buttons are stale (answered, skipped, or the bot restarted): where the person is. */
  private MessageCreateData expired(User user, long sessionId) {
    InterviewState state = practice().interview(sessionId);
    if (state.finished()) {
      return MessageCreateData.fromContent("That follow-up is over, and so is this interview. Start a new one "
          + "with /interview start.");
    }
    return new MessageCreateBuilder().applyData(InterviewMessages.question(user, state))
        .setContent("That follow-up is over; carry on with the next question.").build();
  }

  /** What comes after a follow-up: the next question, or the summary after the last one. */
  private MessageCreateData continuation(User user, InterviewTurn turn) {
    if (turn.summary().isPresent()) {
      return new MessageCreateBuilder().setEmbeds(Embeds.summary(turn.summary().get(), user.getEffectiveName()))
          .setContent("That's the end of the interview. Well done!").build();
    }
    return InterviewMessages.question(user, practice().interview(turn.next().sessionId()));
  }

  /** Plain answers typed in the person's interview thread or in the DM with the bot. */
  @Override
  public boolean onMessage(MessageReceivedEvent event) {
    MessageChannel channel = event.getChannel();
    boolean dm = event.getChannelType() == ChannelType.PRIVATE;
    boolean interviewThread = channel instanceof ThreadChannel thread
        && thread.getOwnerIdLong() == event.getJDA().getSelfUser().getIdLong()
        && thread.getName().startsWith(THREAD_PREFIX);
    if (!dm && !interviewThread) {
      return false;
    }
    User user = event.getAuthor();
    Optional<Person> person = practice().findPerson(Person.discordKey(user.getIdLong()));
    if (person.isEmpty()) {
      return false;
    }
    Scope scope = People.scope(practice(), dm ? null : event.getGuild(), user);
    Optional<InterviewState> active = practice().activeInterview(person.get(), scope);
    // A follow-up waiting for this person here: of the active interview, or of one its last answer ended.
    Optional<Map.Entry<Long, PendingFollowUp>> followUp = active.isPresent()
        ? Optional.ofNullable(pending.get(active.get().sessionId())).map(p -> Map.entry(active.get().sessionId(), p))
        : pending.entrySet().stream()
            .filter(e -> e.getValue().userId() == user.getIdLong() && e.getValue().scopeId() == scope.id())
            .findFirst();
    if (active.isEmpty() && followUp.isEmpty()) {
      return false;
    }
    Message message = event.getMessage();
    String content = message.getContentRaw();
    if (content.isBlank() && !dm) {
      replyTo(message, MessageCreateData.fromContent("I can't read messages here (the Message Content intent is "
          + "off), so use the Answer button on the question."));
      return true;
    }
    Optional<String> refusal = AnswerFlow.refusal(ctx, user.getIdLong(), content);
    if (refusal.isPresent()) {
      replyTo(message, MessageCreateData.fromContent(refusal.get()));
      return true;
    }
    channel.sendTyping().queue(null, e -> { });
    if (followUp.isPresent()) {
      long followUpSession = followUp.get().getKey();
      int followUpPosition = followUp.get().getValue().position();
      ctx.grading().submit("plain follow-up answer " + message.getId(),
          () -> replyTo(message, followUpReply(user, followUpSession, followUpPosition, content)),
          failure -> replyTo(message, MessageCreateData.fromContent(failure)));
      return true;
    }
    long sessionId = active.get().sessionId();
    int position = active.get().position();
    ctx.grading().submit("plain interview answer " + message.getId(),
        () -> replyTo(message, InterviewMessages.turn(user, answerAt(sessionId, position, content, user, scope))),
        failure -> replyTo(message, MessageCreateData.fromContent(failure)));
    return true;
  }

  /** A reply to the person's message that never pings them (JDA mentions the replied-to author by default). */
  private static void replyTo(Message message, MessageCreateData data) {
    message.getChannel().sendMessage(data).setMessageReference(message).mentionRepliedUser(false)
        .setAllowedMentions(List.of()).queue();
  }
}
