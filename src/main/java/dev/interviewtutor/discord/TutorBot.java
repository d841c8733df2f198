package dev.interviewtutor.discord;

import dev.interviewtutor.config.TutorConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running Discord bot: JDA, the command router and the grading pool. {@link #close()} is the graceful stop:
 * new interactions are refused, grades in flight finish and are delivered, then JDA and the database close.
 */
public final class TutorBot implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TutorBot.class);

  private final BotContext context;
  private final CommandRouter router;
  private final JDA jda;
  /** How long a graceful stop waits for work in flight. */
  public static final Duration DRAIN = Duration.ofSeconds(30);
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean closed;
  private volatile boolean drained;

  private TutorBot(BotContext context, CommandRouter router, JDA jda) {
    this.context = context;
    this.router = router;
    this.jda = jda;
  }

  /**
   * Logs in, waits until the servers are loaded and registers the commands (on {@code DISCORD_GUILD_ID} only when
   * set, which is instant; otherwise globally).
   *
   * @throws net.dv8tion.jda.api.exceptions.InvalidTokenException when Discord rejects the token
   */
  public static TutorBot start(TutorConfig config, BotServices services, boolean messageContentIntent)
      throws InterruptedException {
    return start(config, services, messageContentIntent, TutorCommands::all);
  }

  /** As {@link #start(TutorConfig, BotServices, boolean)} with a chosen command set (tests, study groups). */
  public static TutorBot start(TutorConfig config, BotServices services, boolean messageContentIntent,
      Function<BotContext, List<SlashCommand>> commands) throws InterruptedException {
    BotContext context = new BotContext(config, services,
        new AnswerRateLimiter(config.answersPerMinute(), services.clock()),
        new GradingPool(Math.max(2, Runtime.getRuntime().availableProcessors()), "tutor-grading", services.metrics()),
        new GradingPool(2, "tutor-daily-admin", services.metrics()), services.clock().instant());
    CommandRouter router = new CommandRouter(commands.apply(context), services.metrics());
    JDA jda = DiscordClientFactory.builder(config, messageContentIntent).addEventListeners(router).build();
    jda.setRequiredScopes("applications.commands");
    try {
      jda.awaitReady();
      TutorBot bot = new TutorBot(context, router, jda);
      bot.registerCommands();
      LOG.info("Logged in as {}; add it to a server with {}", jda.getSelfUser().getName(),
          TutorInfoCommand.inviteUrl(jda));
      return bot;
    } catch (RuntimeException | InterruptedException e) {
      jda.shutdownNow();
      context.grading().drain(Duration.ofSeconds(1));
      context.adminWork().drain(Duration.ofSeconds(1));
      throw e;
    }
  }

  private void registerCommands() {
    var definitions = router.definitions();
    if (context.config().discordGuildId().isPresent()) {
      long guildId = context.config().discordGuildId().get();
      Guild guild = jda.getGuildById(guildId);
      if (guild == null) {
        LOG.warn("DISCORD_GUILD_ID={} is not a server this bot is in; registering commands globally instead",
            Long.toUnsignedString(guildId));
        jda.updateCommands().addCommands(definitions).complete();
      } else {
        guild.updateCommands().addCommands(definitions).complete();
        LOG.info("Registered {} commands on server {}", definitions.size(), guild.getName());
      }
    } else {
      jda.updateCommands().addCommands(definitions).complete();
      LOG.info("Registered {} commands globally (may take up to an hour to appear)", definitions.size());
    }
  }

  public JDA jda() {
    return jda;
  }

  public BotContext context() {
    return context;
  }

  public CommandRouter router() {
    return router;
  }

  /** Blocks until {@link #close()} has finished. */
  public void awaitStopped() throws InterruptedException {
    stopped.await();
  }

  /** Whether the last stop finished every piece of work in flight (false until stopped, or when it timed out). */
  public boolean drainedCleanly() {
    return drained;
  }

  @Override
  public void close() {
    stop(DRAIN);
  }

  /**
   * The graceful stop: new interactions are refused, work in flight gets {@code drain} to finish and be
   * delivered, then JDA and the database close. Returns whether everything in flight finished in time.
   */
  public synchronized boolean stop(Duration drain) {
    if (closed) {
      return drained;
    }
    closed = true;
    LOG.info("Stopping: refusing new interactions, finishing {} grade(s) in flight", context.grading().inFlight());
    router.stopAccepting();
    long deadline = System.nanoTime() + drain.toNanos();
    boolean clean = context.grading().drain(drain);
    clean &= context.adminWork().drain(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    drained = clean;
    if (!clean) {
      LOG.warn("Work in flight did not finish within {} s; stopping anyway", drain.toSeconds());
    }
    // JDA's shutdown sends the REST requests already queued (the last follow-ups) before closing.
    jda.shutdown();
    try {
      if (!jda.awaitShutdown(10, TimeUnit.SECONDS)) {
        jda.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      jda.shutdownNow();
    }
    List<AutoCloseable> closeables = new ArrayList<>(context.services().closeables());
    Collections.reverse(closeables);
    for (AutoCloseable resource : closeables) {
      try {
        resource.close();
      } catch (Exception e) {
        LOG.warn("Closing {} failed: {}", resource, e.toString());
      }
    }
    LOG.info("Stopped");
    stopped.countDown();
    return drained;
  }
}
