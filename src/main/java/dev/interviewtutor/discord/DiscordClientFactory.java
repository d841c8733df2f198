package dev.interviewtutor.discord;

import dev.interviewtutor.config.DiscordShards;
import dev.interviewtutor.config.TutorConfig;
import java.net.URI;
import java.util.EnumSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.messages.MessageRequest;

/**
 * Builds the JDA shard manager from the configuration. {@code DISCORD_REST_URL} and {@code
 * DISCORD_GATEWAY_URL} point it at a proxy (or at the tests' loopback Discord) through the same
 * hooks in production and in tests.
 */
public final class DiscordClientFactory {
  private DiscordClientFactory() {}

  /**
   * A shard manager with the default (unprivileged) intents, running the shards of {@code
   * DISCORD_SHARDS_TOTAL} and {@code DISCORD_SHARDS} (unset: as many as Discord recommends, all
   * here). Message Content is added only when asked for, so plain answers in server threads need it
   * while DMs work without it. Every shard shares {@code eventPool}; it is not shut down with the
   * shards (the caller owns it).
   */
  public static DefaultShardManagerBuilder shardManager(
      TutorConfig config, boolean messageContentIntent, ExecutorService eventPool) {
    // Echoed user text must never ping anyone: no mention types are allowed unless a message opts
    // in.
    MessageRequest.setDefaultMentions(EnumSet.noneOf(Message.MentionType.class));
    // A reply to a member's message (a typed interview answer) would ping them; replies never do.
    MessageRequest.setDefaultMentionRepliedUser(false);
    DefaultShardManagerBuilder builder =
        DefaultShardManagerBuilder.createDefault(config.discordToken())
            .setMemberCachePolicy(MemberCachePolicy.DEFAULT)
            // TutorBot stops the shards itself after the grades in flight are delivered; JDA's hook
            // would cut them off.
            .setEnableShutdownHook(false)
            // Handlers do small database writes; a pool keeps one slow handler from delaying
            // everyone's ack.
            .setEventPool(eventPool, false)
            // Grades in flight count until their acknowledgement's callback ran (GradingPool);
            // JDA's default callback
            // pool is the common ForkJoinPool, one thread on a 2-core machine, which any other user
            // could hold up.
            .setCallbackPool(callbackPool(), false);
    DiscordShards shards = config.discordShards();
    if (shards.chosen()) {
      builder.setShardsTotal(shards.total()).setShards(shards.first(), shards.last());
    }
    if (messageContentIntent) {
      builder.enableIntents(GatewayIntent.MESSAGE_CONTENT);
    }
    config
        .discordRestUrl()
        .ifPresent(url -> builder.setRestConfig(new RestConfig().setBaseUrl(withSlash(url))));
    config
        .discordGatewayUrl()
        .ifPresent(
            url -> {
              builder.setSessionController(new FixedGatewaySessionController(url.toString()));
              // A proxy or test gateway speaks plain JSON; Discord's own gateway keeps the default
              // compression.
              builder.setCompression(Compression.NONE);
            });
    return builder;
  }

  /** The pool every shard's event handlers run on. */
  static ExecutorService eventPool() {
    AtomicInteger n = new AtomicInteger();
    return Executors.newFixedThreadPool(
        Math.max(4, 2 * Runtime.getRuntime().availableProcessors()),
        r -> {
          Thread t = new Thread(r, "tutor-events-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  /** Idle threads end, so a stopped client leaves nothing behind and needs no explicit shutdown. */
  private static ExecutorService callbackPool() {
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            2,
            2,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "tutor-callbacks-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  private static String withSlash(URI url) {
    String text = url.toString();
    return text.endsWith("/") ? text : text + "/";
  }

  /**
   * A session controller that connects to a configured gateway instead of asking Discord for one.
   */
  private static final class FixedGatewaySessionController extends ConcurrentSessionController {
    private final String gateway;

    FixedGatewaySessionController(String gateway) {
      this.gateway = gateway;
    }

    @Override
    public String getGateway() {
      return gateway;
    }

    /**
     * Discord's shard count and start concurrency (asked through the REST proxy), with the
     * configured URL.
     */
    @Override
    public ShardedGateway getShardedGateway(JDA api) {
      ShardedGateway fromDiscord = super.getShardedGateway(api);
      return new ShardedGateway(gateway, fromDiscord.getShardTotal(), fromDiscord.getConcurrency());
    }
  }
}
