package dev.interviewtutor.discord;

import dev.interviewtutor.config.TutorConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.MiscUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running Discord bot: the gateway shards this process runs (a JDA {@link ShardManager}; one
 * shard unless {@code DISCORD_SHARDS_TOTAL} says otherwise), the command router and the grading
 * pool. {@link #close()} is the graceful stop: new interactions are refused, grades in flight
 * finish and are delivered, then this process's shards and the database close.
 */
public final class TutorBot implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TutorBot.class);

  private final BotContext context;
  private final CommandRouter router;
  private final ShardManager shards;
  private final ExecutorService eventPool;

  /** How long a graceful stop waits for work in flight. */
  public static final Duration DRAIN = Duration.ofSeconds(30);

  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean closed;
  private volatile boolean drained;

  private TutorBot(
      BotContext context, CommandRouter router, ShardManager shards, ExecutorService eventPool) {
    this.context = context;
    this.router = router;
    this.shards = shards;
    this.eventPool = eventPool;
  }

  /**
   * Logs in, waits until every shard of this process is connected and its servers are loaded, and
   * registers the commands (on {@code DISCORD_GUILD_ID} only when set, which is instant; otherwise
   * globally).
   *
   * @throws net.dv8tion.jda.api.exceptions.InvalidTokenException when Discord rejects the token
   */
  public static TutorBot start(
      TutorConfig config, BotServices services, boolean messageContentIntent)
      throws InterruptedException {
    return start(config, services, messageContentIntent, TutorCommands::all);
  }

  /**
   * As {@link #start(TutorConfig, BotServices, boolean)} with a chosen command set (tests, study
   * groups).
   */
  public static TutorBot start(
      TutorConfig config,
      BotServices services,
      boolean messageContentIntent,
      Function<BotContext, List<SlashCommand>> commands)
      throws InterruptedException {
    BotContext context =
        new BotContext(
            config,
            services,
            new AnswerRateLimiter(config.answersPerMinute(), services.clock()),
            new GradingPool(
                Math.max(2, Runtime.getRuntime().availableProcessors()),
                "tutor-grading",
                services.metrics()),
            new GradingPool(2, "tutor-daily-admin", services.metrics()),
            services.clock().instant());
    CommandRouter router = new CommandRouter(commands.apply(context), services.metrics());
    ExecutorService eventPool = DiscordClientFactory.eventPool();
    ShardManager shards;
    try {
      shards =
          DiscordClientFactory.shardManager(config, messageContentIntent, eventPool)
              .addEventListeners(router)
              .build();
    } catch (RuntimeException e) {
      eventPool.shutdownNow();
      context.grading().drain(Duration.ofSeconds(1));
      context.adminWork().drain(Duration.ofSeconds(1));
      throw e;
    }
    try {
      awaitReady(shards);
      shards.getShardCache().forEach(jda -> jda.setRequiredScopes("applications.commands"));
      TutorBot bot = new TutorBot(context, router, shards, eventPool);
      bot.registerCommands();
      JDA any = bot.anyShard();
      LOG.info(
          "Logged in as {} with {} ({} server(s) here); add it to a server with {}",
          any.getSelfUser().getName(),
          describe(shards),
          shards.getGuildCache().size(),
          TutorInfoCommand.inviteUrl(any));
      return bot;
    } catch (RuntimeException | InterruptedException e) {
      shards.getShardCache().forEach(JDA::shutdownNow);
      shards.shutdown();
      eventPool.shutdownNow();
      context.grading().drain(Duration.ofSeconds(1));
      context.adminWork().drain(Duration.ofSeconds(1));
      throw e;
    }
  }

  /**
   * Waits until every shard of this process has been started (the manager starts them one after
   * another, as Discord's identify limit allows) and each has loaded its servers.
   */
  private static void awaitReady(ShardManager shards) throws InterruptedException {
    while (true) {
      for (JDA jda : shards.getShards()) {
        jda.awaitReady();
      }
      if (shards.getShardsQueued() == 0
          && shards.getShards().stream().allMatch(jda -> jda.getStatus() == JDA.Status.CONNECTED)) {
        return;
      }
      Thread.sleep(50);
    }
  }

  /** For logs: {@code shard 1 of 2}, or {@code shards 0-3 of 8}. */
  public String describeShards() {
    return describe(shards);
  }

  private static String describe(ShardManager shards) {
    List<Integer> ids =
        shards.getShards().stream().map(j -> j.getShardInfo().getShardId()).sorted().toList();
    String which =
        ids.size() == 1
            ? "shard " + ids.get(0)
            : "shards " + ids.get(0) + "-" + ids.get(ids.size() - 1);
    return which + " of " + shards.getShardsTotal();
  }

  private void registerCommands() {
    var definitions = router.definitions();
    if (context.config().discordGuildId().isPresent()) {
      long guildId = context.config().discordGuildId().get();
      Guild guild = shards.getGuildById(guildId);
      if (guild != null) {
        guild.updateCommands().addCommands(definitions).complete();
        LOG.info("Registered {} commands on server {}", definitions.size(), guild.getName());
        return;
      }
      if (shardOf(guildId).isEmpty()) {
        LOG.info(
            "DISCORD_GUILD_ID={} is on a shard another process runs; that process registers the commands",
            Long.toUnsignedString(guildId));
        return;
      }
      LOG.warn(
          "DISCORD_GUILD_ID={} is not a server this bot is in; registering commands globally instead",
          Long.toUnsignedString(guildId));
    }
    // Every process puts the same list: Discord replaces the set, so the last one wins with the
    // same commands.
    anyShard().updateCommands().addCommands(definitions).complete();
    LOG.info(
        "Registered {} commands globally (may take up to an hour to appear)", definitions.size());
  }

  /** The shard of this process that holds the server, if this process runs it. */
  public Optional<JDA> shardOf(long guildId) {
    return shardOf(shards, guildId);
  }

  /**
   * The shard of {@code shards} that holds the server ({@code (guild_id >> 22) % total}), if it
   * runs here.
   */
  static Optional<JDA> shardOf(ShardManager shards, long guildId) {
    return Optional.ofNullable(
        shards.getShardById(MiscUtil.getShardForGuild(guildId, shards.getShardsTotal())));
  }

  /** The shards this process runs. */
  public ShardManager shards() {
    return shards;
  }

  /**
   * The only shard of a one-shard process (tests, small bots); use {@link #shards()} when there may
   * be more.
   */
  public JDA jda() {
    List<JDA> running = shards.getShards();
    if (running.size() != 1) {
      throw new IllegalStateException(
          "this process runs " + running.size() + " shards; use shards()");
    }
    return running.get(0);
  }

  private JDA anyShard() {
    return shards.getShards().stream()
        .min(Comparator.comparingInt(j -> j.getShardInfo().getShardId()))
        .orElseThrow(() -> new IllegalStateException("no shard is running"));
  }

  /** The bot's name on Discord. */
  public String selfName() {
    return anyShard().getSelfUser().getName();
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

  /**
   * Whether the last stop finished every piece of work in flight (false until stopped, or when it
   * timed out).
   */
  public boolean drainedCleanly() {
    return drained;
  }

  @Override
  public void close() {
    stop(DRAIN);
  }

  /**
   * The graceful stop: new interactions are refused, work in flight gets {@code drain} to finish
   * and be delivered, then this process's shards and the database close. Returns whether everything
   * in flight finished in time.
   */
  public synchronized boolean stop(Duration drain) {
    if (closed) {
      return drained;
    }
    closed = true;
    LOG.info(
        "Stopping: refusing new interactions, finishing {} grade(s) in flight",
        context.grading().inFlight());
    router.stopAccepting();
    long deadline = System.nanoTime() + drain.toNanos();
    boolean clean = context.grading().drain(drain);
    clean &= context.adminWork().drain(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    drained = clean;
    if (!clean) {
      LOG.warn("Work in flight did not finish within {} s; stopping anyway", drain.toSeconds());
    }
    stopShards();
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

  /** How long the shards get to send the requests they still hold and close. */
  static final Duration SHARDS_CLOSE = Duration.ofSeconds(10);

  /**
   * Each shard's graceful shutdown sends the REST requests already queued before it closes; only
   * then does the shard manager shut down. The order matters: the manager's {@code shutdown()}
   * stops the request and gateway threads its shards share at once, and a shard still holding a
   * request (a reply not yet handed to a thread, as on a loaded machine) could then neither send it
   * nor finish its own shutdown, which would wait out {@link #SHARDS_CLOSE} and drop the request.
   */
  private void stopShards() {
    List<JDA> running = List.copyOf(shards.getShards());
    running.forEach(JDA::shutdown);
    long deadline = System.nanoTime() + SHARDS_CLOSE.toNanos();
    for (JDA jda : running) {
      try {
        // at least 1 ms: JDA reads a timeout of 0 as "wait forever"
        long leftMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        if (!jda.awaitShutdown(leftMillis, TimeUnit.MILLISECONDS)) {
          LOG.warn(
              "Shard {} had not closed after {} s; closing it now (requests it still holds are"
                  + " dropped)",
              jda.getShardInfo().getShardId(),
              SHARDS_CLOSE.toSeconds());
          jda.shutdownNow();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        jda.shutdownNow();
      }
    }
    // The shards are closed: now the manager (no shard left to start) and the threads they shared.
    shards.shutdown();
    eventPool.shutdown();
  }
}
