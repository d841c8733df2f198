package dev.interviewtutor.discord;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.interviewtutor.practice.DailyPost;
import dev.interviewtutor.practice.DailyQuiz;
import dev.interviewtutor.practice.DailySettings;
import dev.interviewtutor.practice.DuePost;
import dev.interviewtutor.practice.PracticeService;
import dev.interviewtutor.practice.RevealSummary;
import dev.interviewtutor.store.Scope;
import dev.interviewtutor.store.ScopeKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends daily questions and reveals for the scheduler and {@code /daily}: reveals the previous
 * question in a thread under it, posts the new one with its Answer button, records delivery, and
 * when the channel is gone or the bot lost its permissions pauses the schedule and tells whoever
 * set it up. Blocking (REST calls complete before it returns), so call it off JDA's event threads
 * and off the grading pool.
 *
 * <p>One lock per server, shared by every publisher of one practice engine: a scheduled post and
 * {@code /daily now} for the same server never interleave, and a server whose REST calls stall (a
 * rate limit, a slow channel) holds up no other server. A reveal closes answers only after it was
 * posted: one Discord refused stays pending and is tried again at the next post or {@code /daily
 * reveal}.
 */
public final class DailyPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(DailyPublisher.class);
  static final Set<Permission> NEEDED =
      EnumSet.of(
          Permission.VIEW_CHANNEL,
          Permission.MESSAGE_SEND,
          Permission.MESSAGE_EMBED_LINKS,
          Permission.CREATE_PUBLIC_THREADS,
          Permission.MESSAGE_SEND_IN_THREADS);
  private static final Set<ErrorResponse> CHANNEL_PROBLEMS =
      EnumSet.of(
          ErrorResponse.UNKNOWN_CHANNEL,
          ErrorResponse.MISSING_ACCESS,
          ErrorResponse.MISSING_PERMISSIONS);

  /**
   * Per practice engine (weakly held, tests make many), per server: the lock around its posts and
   * reveals.
   */
  private static final LoadingCache<DailyQuiz, ConcurrentMap<String, ReentrantLock>> LOCKS =
      Caffeine.newBuilder().weakKeys().build(d -> new ConcurrentHashMap<>());

  /**
   * How long a process's claim on a scheduled post lasts: longer than any send takes (rate-limit
   * waits included), so a live holder is never overtaken; a holder that died is replaced after it,
   * and the post comes late.
   */
  static final Duration CLAIM_LEASE = Duration.ofMinutes(10);

  private final PracticeService practice;
  private final DailyQuiz daily;

  /** This publisher's name in the database's publishing claims: the process id and a random tag. */
  private final String holder;

  public DailyPublisher(PracticeService practice) {
    this.practice = practice;
    this.daily = practice.daily();
    this.holder =
        ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** What happened to one post. */
  public sealed interface Outcome {
    /** Sent; {@code revealed} earlier posts were revealed first. */
    record Posted(DailyPost post, String messageId, int revealed) implements Outcome {}

    /**
     * Not sent: the schedule is paused now, and {@code reason} says why (already told to whoever
     * set it up).
     */
    record Paused(String reason) implements Outcome {}

    /**
     * Not sent for a passing reason (Discord unreachable); a scheduled post is tried again at the
     * next tick.
     */
    record Retry(String reason) implements Outcome {}

    /**
     * Not sent by this process: another one holds its claim (it is sending it), or it was sent
     * already.
     */
    record Elsewhere() implements Outcome {}
  }

  /**
   * What revealing did.
   *
   * @param where the threads (or channels) the reveals were posted in
   * @param failed reveals Discord refused or did not answer; they stay pending and are tried again
   */
  public record Reveals(List<String> where, int failed) {
    public Reveals {
      where = List.copyOf(where);
    }
  }

  private <T> T locked(Scope scope, Supplier<T> work) {
    ReentrantLock lock = LOCKS.get(daily).computeIfAbsent(scope.key(), k -> new ReentrantLock());
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Posts a scheduled question that is due, unless another process holds its claim in the database
   * (two processes briefly running the same shard) or sent it already. A post not sent gives its
   * claim up, so the next tick of whichever process runs the shard tries again.
   */
  public Outcome publishScheduled(JDA jda, DuePost due) {
    return publishScheduled(jda, due, RequestPace.NONE);
  }

  /**
   * As {@link #publishScheduled(JDA, DuePost)}, each REST request taking its slot from {@code pace}
   * first.
   */
  Outcome publishScheduled(JDA jda, DuePost due, RequestPace pace) {
    return locked(
        due.settings().scope(),
        () -> {
          Optional<Outcome> offline = offline(jda, due.settings());
          if (offline.isPresent()) {
            return offline.get();
          }
          if (!daily.holdPublishing(due, holder, CLAIM_LEASE)) {
            return new Outcome.Elsewhere();
          }
          Outcome outcome = new Outcome.Retry("stopped while sending");
          try {
            int missed = daily.missedBefore(due);
            DailyPost post = daily.claim(due);
            outcome =
                send(
                    jda,
                    pace,
                    due.settings(),
                    post,
                    missed == 0
                        ? ""
                        : "I was offline (or paused) and missed "
                            + missed
                            + (missed == 1 ? " daily question" : " daily questions")
                            + " before this one; here is today's.");
            return outcome;
          } finally {
            if (!(outcome instanceof Outcome.Posted)) {
              daily.releasePublishing(due, holder);
            }
          }
        });
  }

  /**
   * Not connected, or the server is in an outage: nothing can be judged, so try again later (never
   * pause).
   */
  private static Optional<Outcome> offline(JDA jda, DailySettings settings) {
    if (jda.getStatus() != JDA.Status.CONNECTED) {
      return Optional.of(new Outcome.Retry("not connected to Discord (" + jda.getStatus() + ")"));
    }
    long guildId = Long.parseLong(settings.scope().key());
    if (jda.isUnavailable(guildId)) {
      return Optional.of(new Outcome.Retry("the server is unavailable (Discord outage)"));
    }
    return Optional.empty();
  }

  /** {@code /daily now}: an extra question right away, in the configured channel. */
  public Outcome publishNow(JDA jda, DailySettings settings) {
    return locked(
        settings.scope(),
        () -> {
          Optional<Outcome> offline = offline(jda, settings);
          if (offline.isPresent()) {
            return offline.get();
          }
          DailyPost post = daily.postNow(settings.scope());
          Outcome outcome = send(jda, RequestPace.NONE, settings, post, "");
          if (outcome instanceof Outcome.Retry) {
            daily.deliveryFailed(post.id(), "");
            daily.resume(settings.scope());
          }
          return outcome;
        });
  }

  /**
   * Reveals every delivered, unrevealed question of the server: where they were posted, and how
   * many failed.
   */
  public Reveals revealPending(JDA jda, Scope scope) {
    return locked(scope, () -> reveal(jda, RequestPace.NONE, scope));
  }

  private Reveals reveal(JDA jda, RequestPace pace, Scope scope) {
    List<String> where = new ArrayList<>();
    int failed = 0;
    Optional<DailySettings> settings = daily.settings(scope);
    Guild guild = jda.getGuildById(scope.key());
    for (DailyPost post : daily.unrevealed(scope)) {
      GuildMessageChannel channel =
          guild == null || settings.isEmpty()
              ? null
              : guild.getChannelById(GuildMessageChannel.class, settings.get().channelId());
      if (channel == null) {
        // Nowhere to post it, now or later: close the answers so the question does not stay open
        // forever.
        daily.markRevealed(post.id());
        LOG.info("daily post {} revealed without a thread: its channel is gone", post.id());
        continue;
      }
      RevealSummary summary = daily.summary(post.id());
      String thread;
      try {
        thread = postReveal(pace, channel, post, summary);
      } catch (RuntimeException e) {
        failed++;
        LOG.warn(
            "could not post the reveal of daily post {} in {}, will try again: {}",
            post.id(),
            channel.getId(),
            e.toString());
        continue;
      }
      daily.markRevealed(post.id());
      where.add(thread);
    }
    return new Reveals(where, failed);
  }

  private String postReveal(
      RequestPace pace, GuildMessageChannel channel, DailyPost post, RevealSummary summary) {
    GuildMessageChannel target = channel;
    if (channel instanceof TextChannel text && post.messageId().isPresent()) {
      try {
        pace.await();
        ThreadChannel thread =
            text.createThreadChannel(
                    DailyEmbeds.threadName(post), Long.parseLong(post.messageId().get()))
                .complete();
        target = thread;
      } catch (ErrorResponseException | InsufficientPermissionException e) {
        LOG.info(
            "no thread for the reveal of daily post {} ({}); posting in the channel",
            post.id(),
            e.toString());
      }
    }
    pace.await();
    target.sendMessageEmbeds(DailyEmbeds.reveal(summary)).setAllowedMentions(List.of()).complete();
    if (!summary.shared().isEmpty()) {
      pace.await();
      target
          .sendMessageEmbeds(DailyEmbeds.shared(summary))
          .setAllowedMentions(List.of())
          .complete();
    }
    return target.getId();
  }

  /** Sends the question, with {@code note} (empty for none) as the message text above it. */
  private Outcome send(
      JDA jda, RequestPace pace, DailySettings settings, DailyPost post, String note) {
    Guild guild = jda.getGuildById(settings.scope().key());
    if (guild == null) {
      return pause(jda, pace, settings, post, "I am no longer in that server");
    }
    GuildMessageChannel channel =
        guild.getChannelById(GuildMessageChannel.class, settings.channelId());
    if (channel == null) {
      return pause(
          jda,
          pace,
          settings,
          post,
          "the channel <#"
              + settings.channelId()
              + "> was deleted (or I can no "
              + "longer see it)");
    }
    if (!guild.getSelfMember().hasPermission(channel, NEEDED)) {
      return pause(
          jda,
          pace,
          settings,
          post,
          "I am missing permissions in <#"
              + channel.getId()
              + "> (I need View "
              + "Channel, Send Messages, Embed Links, Create Public Threads and Send Messages in Threads)");
    }
    int revealed = reveal(jda, pace, settings.scope()).where().size();
    try {
      pace.await();
      var send =
          channel
              .sendMessageEmbeds(DailyEmbeds.question(post))
              .setComponents(
                  ActionRow.of(
                      Button.primary(
                          ComponentId.of(
                                  "daily", ComponentId.ANYONE, "answer", Long.toString(post.id()))
                              .encode(),
                          "Answer")))
              .setAllowedMentions(List.of())
              // The same post sent twice (a holder that died after Discord took it) is dropped by
              // Discord as a repeat.
              .setNonce("daily-" + post.id());
      Message message = (note.isEmpty() ? send : send.setContent(note)).complete();
      daily.delivered(post.id(), message.getId());
      LOG.info(
          "posted daily question {} (post {}) in server {}",
          post.question().id(),
          post.id(),
          guild.getId());
      return new Outcome.Posted(post, message.getId(), revealed);
    } catch (ErrorResponseException e) {
      if (CHANNEL_PROBLEMS.contains(e.getErrorResponse())) {
        String reason =
            e.getErrorResponse() == ErrorResponse.UNKNOWN_CHANNEL
                ? "the channel <#" + settings.channelId() + "> was deleted"
                : "I am not allowed to post in <#"
                    + settings.channelId()
                    + "> ("
                    + e.getMeaning()
                    + ")";
        return pause(jda, pace, settings, post, reason);
      }
      LOG.warn("daily post {} not sent, will retry: {}", post.id(), e.toString());
      return new Outcome.Retry(e.getMeaning());
    } catch (InsufficientPermissionException e) {
      return pause(
          jda,
          pace,
          settings,
          post,
          "I am missing the "
              + e.getPermission().getName()
              + " permission in <#"
              + settings.channelId()
              + ">");
    } catch (RuntimeException e) {
      LOG.warn("daily post {} not sent, will retry: {}", post.id(), e.toString());
      return new Outcome.Retry(e.toString());
    }
  }

  private Outcome pause(
      JDA jda, RequestPace pace, DailySettings settings, DailyPost post, String reason) {
    DailySettings paused = daily.deliveryFailed(post.id(), reason);
    LOG.warn("daily question of server {} paused: {}", settings.scope().key(), reason);
    paused
        .setUpBy()
        .filter(k -> k.startsWith("discord:"))
        .ifPresent(
            key -> {
              String text =
                  "The daily question in **"
                      + DailyEmbeds.name(settings.scope().name())
                      + "** is paused: "
                      + reason
                      + ". Nothing will be posted until someone with Manage Server fixes that and runs `/daily resume`, "
                      + "or runs `/daily setup` again with a channel I can post in. `/daily status` shows the state.";
              try {
                pace.await(); // opening the DM channel and the message: two requests
                pace.await();
                jda.openPrivateChannelById(key.substring("discord:".length()))
                    .flatMap(
                        dm ->
                            dm.sendMessage(Limits.fit(text, Limits.MESSAGE_CONTENT))
                                .setAllowedMentions(List.of()))
                    .complete();
              } catch (RuntimeException e) {
                LOG.warn("could not tell {} that the daily question paused: {}", key, e.toString());
              }
            });
    return new Outcome.Paused(reason);
  }

  /** The server's scope. */
  Scope scope(Guild guild) {
    return practice.scope(ScopeKind.GUILD, guild.getId(), guild.getName());
  }
}
