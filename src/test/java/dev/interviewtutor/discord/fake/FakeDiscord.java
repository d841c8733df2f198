package dev.interviewtutor.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback Discord for tests: a REST server and a gateway on 127.0.0.1 that the real JDA client
 * logs in to. Every REST call is recorded; tests wait for the calls they expect with {@link
 * #await}. Events (slash commands, buttons, modal submits, autocomplete, messages) are pushed over
 * the gateway on demand.
 */
public final class FakeDiscord implements AutoCloseable {
  public static final long APP_ID = 900000000000000001L;
  public static final long BOT_ID = APP_ID;
  public static final long GUILD_ID = 900000000000000100L;

  /** A role with Administrator and Manage Server, given to {@link FakeUser#admin} members. */
  public static final long ADMIN_ROLE_ID = 900000000000000101L;

  public static final long TEXT_CHANNEL_ID = 900000000000000200L;

  /** A voice channel of the server; its text chat takes slash commands. */
  public static final long VOICE_CHANNEL_ID = 900000000000000300L;

  public static final String BOT_NAME = "InterviewTutor";

  /** A second server, present only in a fake started with {@link #startWithTwoServers}. */
  public static final long OTHER_GUILD_ID = 900000000000000110L;

  public static final long OTHER_ADMIN_ROLE_ID = 900000000000000111L;
  public static final long OTHER_TEXT_CHANNEL_ID = 900000000000000210L;
  public static final long OTHER_VOICE_CHANNEL_ID = 900000000000000310L;

  /**
   * The application's owner (the bot owner of {@code /tutoradmin reload}), as applications/@me
   * says.
   */
  public static final long OWNER_ID = 1;

  private static final Pattern WEBHOOK_MESSAGE =
      Pattern.compile("webhooks/\\d+/([^/]+)/messages/([^/]+)");
  private static final Pattern WEBHOOK = Pattern.compile("webhooks/\\d+/([^/]+)");
  private static final Pattern CHANNEL_MESSAGES = Pattern.compile("channels/(\\d+)/messages");
  private static final Pattern CHANNEL_MESSAGE = Pattern.compile("channels/(\\d+)/messages/(\\d+)");
  private static final Pattern CALLBACK = Pattern.compile("interactions/\\d+/([^/]+)/callback");
  private static final Pattern CHANNEL_ANY = Pattern.compile("channels/(\\d+)(/.*)?");
  private static final Pattern THREADS =
      Pattern.compile("channels/(\\d+)/(?:messages/\\d+/)?threads");

  private final HttpServer http;
  private final ExecutorService httpPool = Executors.newFixedThreadPool(16);
  private final FakeGateway gateway;
  private final List<RecordedRequest> requests = new ArrayList<>();
  private final Map<String, Long> channelOfToken = new ConcurrentHashMap<>();
  private final Map<String, ObjectNode> messages = new ConcurrentHashMap<>();
  private final Map<Long, Long> dmChannelOfUser = new ConcurrentHashMap<>();
  private final Map<Long, ObjectNode> threads = new ConcurrentHashMap<>();
  private final List<RecordedFile> files = new ArrayList<>();

  /**
   * Channels whose REST calls fail, with the error to answer (deleted channel, missing permission).
   */
  private final Map<Long, Answer> failingChannels = new ConcurrentHashMap<>();

  private final String acceptedToken;

  /**
   * Files members attached to commands, served as Discord's CDN would serve them, by attachment id.
   */
  private final Map<String, byte[]> attachments = new ConcurrentHashMap<>();

  /** The bot's shard count, as {@code /gateway/bot} recommends it. */
  private final int shardsTotal;

  /** The servers the bot is in, by id; {@link FakeGuild#MAIN} first. */
  private final Map<Long, FakeGuild> guilds = new java.util.concurrent.ConcurrentSkipListMap<>();

  /** The server of each channel and thread. */
  private final Map<Long, FakeGuild> guildOfChannel = new ConcurrentHashMap<>();

  private volatile Duration restDelay = Duration.ZERO;

  /** Discord's global limit on the bot's REST requests per second (0: none); beyond it, 429. */
  private volatile int globalLimit;

  private final java.util.ArrayDeque<Long> acceptedInLastSecond = new java.util.ArrayDeque<>();
  private final AtomicInteger rateLimited = new AtomicInteger();

  /** Per request (method, path, body): how many times in a row it was answered 429. */
  private final Map<String, Integer> rejectedInARow = new ConcurrentHashMap<>();

  private final AtomicInteger mostRejectionsInARow = new AtomicInteger();

  /** Runs {@link #otherClientsSend}; stopped on close. */
  private final java.util.concurrent.ExecutorService otherTraffic =
      java.util.concurrent.Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "fake-discord-other-clients");
            t.setDaemon(true);
            return t;
          });

  /** While set, answers to interaction callbacks (acknowledgements) wait for it. */
  private volatile CountDownLatch callbackHold;

  /**
   * While set, answers to messages posted in the server's channels wait for it (a rate-limit
   * stall).
   */
  private volatile CountDownLatch channelPostHold;

  private final AtomicInteger heldChannelPosts = new AtomicInteger();

  private FakeDiscord(String acceptedToken, int shardsTotal) throws IOException {
    this.acceptedToken = acceptedToken;
    this.shardsTotal = shardsTotal;
    register(FakeGuild.MAIN);
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
    http.createContext("/", this::handle);
    http.setExecutor(httpPool);
    http.start();
    gateway =
        FakeGateway.start(
            acceptedToken, () -> guilds.values().stream().map(this::guildCreate).toList());
  }

  /**
   * Starts a fake that accepts only {@code token}; any other token gets 401 (REST) and close 4004
   * (gateway).
   */
  public static FakeDiscord start(String acceptedToken) throws IOException {
    return new FakeDiscord(acceptedToken, 1);
  }

  /**
   * A fake that recommends {@code shardsTotal} gateway shards ({@code /gateway/bot}) and speaks the
   * sharded gateway: each connection identifies with {@code shard: [id, total]} and receives only
   * the servers (and their events) whose shard {@code (guild_id >> 22) % total} is its own; DMs
   * come on shard 0, as on Discord.
   */
  public static FakeDiscord start(String acceptedToken, int shardsTotal) throws IOException {
    return new FakeDiscord(acceptedToken, shardsTotal);
  }

  /**
   * Adds a server the bot is in. Connections already identified on its shard receive its
   * GUILD_CREATE (as when the bot joins a server); later ones get it with READY.
   */
  public FakeGuild addGuild(FakeGuild guild) {
    register(guild);
    gateway.dispatch("GUILD_CREATE", guildCreate(guild));
    return guild;
  }

  /** The servers the bot is in. */
  public List<FakeGuild> guilds() {
    return List.copyOf(guilds.values());
  }

  private void register(FakeGuild guild) {
    guilds.put(guild.id(), guild);
    guildOfChannel.put(guild.textChannelId(), guild);
    guildOfChannel.put(guild.voiceChannelId(), guild);
  }

  private ObjectNode guildCreate(FakeGuild guild) {
    ObjectNode payload = Payloads.guild(new FakeUser(BOT_ID, BOT_NAME, 0), guild);
    // Active threads are part of GUILD_CREATE, so a restarted client knows the threads made before.
    threads.values().stream()
        .filter(t -> t.path("guild_id").asLong() == guild.id())
        .forEach(t -> ((ArrayNode) payload.get("threads")).add(t.deepCopy()));
    return payload;
  }

  /**
   * The server a channel or thread belongs to; null for DMs (and channels the fake does not know).
   */
  private FakeGuild guildOf(long channelId) {
    return guildOfChannel.get(channelId);
  }

  /** The shards that identified on the gateway so far, as {@code [id, total]} pairs in order. */
  public List<List<Integer>> identifiedShards() {
    return gateway.identifiedShards();
  }

  /**
   * A fake with a second server ({@link FakeGuild#OTHER}: {@link #OTHER_GUILD_ID}, text channel
   * {@link #OTHER_TEXT_CHANNEL_ID}) beside the first: same members, its own channels and role.
   * Commands used in its channel come from that server.
   */
  public static FakeDiscord startWithTwoServers(String acceptedToken) throws IOException {
    FakeDiscord fake = new FakeDiscord(acceptedToken, 1);
    fake.register(FakeGuild.OTHER);
    return fake;
  }

  /**
   * An ATTACHMENT option (type 11) for a file the member attaches: resolved as Discord resolves it,
   * and served from this fake's loopback address the way Discord's CDN serves attachments.
   */
  public ObjectNode attachmentOption(String name, String fileName, byte[] content) {
    String id = Snowflakes.nowString();
    attachments.put(id, content.clone());
    ObjectNode o = Payloads.object();
    o.put("name", name);
    o.put("type", 11);
    o.put("value", id);
    ObjectNode a = o.putObject("_attachment");
    a.put("id", id);
    a.put("filename", fileName);
    a.put("size", content.length);
    String url =
        "http://127.0.0.1:" + http.getAddress().getPort() + "/attachments/" + id + "/" + fileName;
    a.put("url", url);
    a.put("proxy_url", url);
    a.put("content_type", "text/markdown; charset=utf-8");
    return o;
  }

  public String restUrl() {
    return "http://127.0.0.1:" + http.getAddress().getPort() + "/api/v10/";
  }

  public String gatewayUrl() {
    return "ws://127.0.0.1:" + gateway.port() + "/";
  }

  /**
   * Answers 429 (global, {@code Retry-After: 1}, as Discord does) to the bot's REST requests beyond
   * {@code perSecond} in any second; interaction callbacks and webhooks are not counted, as on
   * Discord.
   */
  public void enforceGlobalRateLimit(int perSecond) {
    this.globalLimit = perSecond;
  }

  /**
   * Other clients of the same bot (its other processes) take {@code perSecond} requests a second of
   * the global limit from now on, evenly spaced; those refused by the limit are dropped (they are
   * not this client's, so they count in neither {@link #rateLimited()} nor {@link
   * #mostRejectionsInARow()}).
   */
  public void otherClientsSend(int perSecond) {
    if (perSecond <= 0) {
      return;
    }
    otherTraffic.execute(
        () -> {
          long interval = 1_000_000_000L / perSecond;
          long next = System.nanoTime();
          while (!Thread.currentThread().isInterrupted()) {
            next += interval;
            java.util.concurrent.locks.LockSupport.parkNanos(next - System.nanoTime());
            long now = System.nanoTime();
            synchronized (acceptedInLastSecond) {
              while (!acceptedInLastSecond.isEmpty()
                  && now - acceptedInLastSecond.peekFirst() >= 1_000_000_000L) {
                acceptedInLastSecond.pollFirst();
              }
              if (acceptedInLastSecond.size() < globalLimit) {
                acceptedInLastSecond.addLast(now);
              }
            }
          }
        });
  }

  /** How many requests were answered 429 by the global limit. */
  public int rateLimited() {
    return rateLimited.get();
  }

  /** The most times one request (same method, path and body) was answered 429 in a row. */
  public int mostRejectionsInARow() {
    return mostRejectionsInARow.get();
  }

  /** Whether the global limit rejects this request now; counts it when not. */
  private boolean overGlobalLimit(String method, String path, JsonNode body) {
    int limit = globalLimit;
    if (limit <= 0 || path.startsWith("interactions/") || path.startsWith("webhooks/")) {
      return false;
    }
    String key = method + " " + path + " " + body;
    long now = System.nanoTime();
    boolean reject;
    synchronized (acceptedInLastSecond) {
      while (!acceptedInLastSecond.isEmpty()
          && now - acceptedInLastSecond.peekFirst() >= 1_000_000_000L) {
        acceptedInLastSecond.pollFirst();
      }
      reject = acceptedInLastSecond.size() >= limit;
      if (!reject) {
        acceptedInLastSecond.addLast(now);
      }
    }
    if (reject) {
      rateLimited.incrementAndGet();
      int inARow = rejectedInARow.merge(key, 1, Integer::sum);
      mostRejectionsInARow.accumulateAndGet(inARow, Math::max);
    } else {
      rejectedInARow.remove(key);
    }
    return reject;
  }

  /** Adds latency to every REST answer, to simulate a slow network. */
  public void setRestDelay(Duration delay) {
    this.restDelay = delay;
  }

  /**
   * Holds the answers to interaction callbacks (acknowledgements, replies) until the returned
   * action runs, as a slow Discord would: the bot has sent its acknowledgement but does not know
   * yet that it was taken.
   */
  public Runnable holdCallbacks() {
    CountDownLatch hold = new CountDownLatch(1);
    callbackHold = hold;
    return () -> {
      callbackHold = null;
      hold.countDown();
    };
  }

  /**
   * Holds the answers to messages the bot posts in server channels (not threads' creation, not
   * interaction replies) until the returned action runs, as Discord does during a long rate limit.
   */
  public Runnable holdChannelPosts() {
    CountDownLatch hold = new CountDownLatch(1);
    channelPostHold = hold;
    return () -> {
      channelPostHold = null;
      hold.countDown();
    };
  }

  /** How many channel posts are being held by {@link #holdChannelPosts} right now. */
  public int heldChannelPosts() {
    return heldChannelPosts.get();
  }

  static long commandId(String name) {
    return 910000000000000000L + Math.abs(name.hashCode() % 1000000);
  }

  // ---------------------------------------------------------------- events sent to the bot

  /**
   * Sends a slash command used in the server's text channel. Options from {@link Payloads#option}.
   */
  public SentInteraction slashCommand(FakeUser user, String name, JsonNode... options) {
    return slashCommandIn(user, TEXT_CHANNEL_ID, true, name, options);
  }

  /** Sends a slash command used in the person's DM with the bot. */
  public SentInteraction slashCommandInDm(FakeUser user, String name, JsonNode... options) {
    return slashCommandIn(user, dmChannelOf(user), false, name, options);
  }

  public SentInteraction slashCommandIn(
      FakeUser user, long channelId, boolean inGuild, String name, JsonNode... options) {
    FakeGuild guild = inGuild ? guildOrMain(channelId) : null;
    return send(2, user, channelId, guild, i -> Payloads.commandData(i, name, options, guild));
  }

  /**
   * Sends a slash command used in the text channel of {@code guild} (a server added with {@link
   * #addGuild}).
   */
  public SentInteraction slashCommandIn(
      FakeUser user, FakeGuild guild, String name, JsonNode... options) {
    return slashCommandIn(user, guild.textChannelId(), true, name, options);
  }

  /** Sends an autocomplete request; one option must be {@link Payloads#focused}. */
  public SentInteraction autocomplete(FakeUser user, String name, JsonNode... options) {
    return autocompleteIn(user, TEXT_CHANNEL_ID, name, options);
  }

  /**
   * An autocomplete request from a server's channel ({@link #OTHER_TEXT_CHANNEL_ID} for the second
   * server).
   */
  public SentInteraction autocompleteIn(
      FakeUser user, long channelId, String name, JsonNode... options) {
    FakeGuild guild = guildOrMain(channelId);
    return send(4, user, channelId, guild, i -> Payloads.commandData(i, name, options, guild));
  }

  private FakeGuild guildOrMain(long channelId) {
    FakeGuild guild = guildOf(channelId);
    return guild == null ? FakeGuild.MAIN : guild;
  }

  /**
   * Clicks a button with {@code customId} on a message the bot sent (as returned by {@link
   * #message}).
   */
  public SentInteraction clickButton(FakeUser user, JsonNode message, String customId) {
    long channel = message.path("channel_id").asLong(TEXT_CHANNEL_ID);
    FakeGuild guild = isDm(channel) ? null : guildOrMain(channel);
    return send(3, user, channel, guild, i -> Payloads.buttonData(i, customId, message));
  }

  /**
   * Submits a modal with text input values by custom id, from the channel of {@code message} (or
   * the server).
   */
  public SentInteraction submitModal(
      FakeUser user, long channelId, String customId, Map<String, String> values) {
    FakeGuild guild = isDm(channelId) ? null : guildOrMain(channelId);
    return send(
        5,
        user,
        channelId,
        guild,
        i -> Payloads.modalData(i, customId, new LinkedHashMap<>(values)));
  }

  /** Posts a plain message from a person in a channel (a thread or their DM). */
  public String postMessage(FakeUser author, long channelId, String content) {
    String id = Snowflakes.nowString();
    FakeGuild guild = isDm(channelId) ? null : guildOrMain(channelId);
    gateway.dispatch("MESSAGE_CREATE", Payloads.userMessage(id, channelId, author, content, guild));
    return id;
  }

  private SentInteraction send(
      int type,
      FakeUser user,
      long channelId,
      FakeGuild guild,
      java.util.function.Consumer<ObjectNode> data) {
    String id = Snowflakes.nowString();
    String token = "tok" + id;
    ObjectNode payload = Payloads.interaction(type, user, channelId, guild, id, token);
    payload.set("channel", channelObject(channelId, user));
    data.accept(payload);
    channelOfToken.put(token, channelId);
    long sent = System.nanoTime();
    gateway.dispatch("INTERACTION_CREATE", payload);
    return new SentInteraction(id, token, payload, sent);
  }

  private ObjectNode channelObject(long channelId, FakeUser user) {
    FakeGuild guild = guildOf(channelId);
    if (guild != null && channelId == guild.textChannelId()) {
      return Payloads.textChannel(channelId, "study", guild.id());
    }
    if (guild != null && channelId == guild.voiceChannelId()) {
      return Payloads.voiceChannel(channelId, "study-voice", guild.id());
    }
    ObjectNode thread = threads.get(channelId);
    if (thread != null) {
      return thread.deepCopy();
    }
    return Payloads.dmChannel(channelId, user);
  }

  /** A member starts a public thread in the server's text channel; returns its id. */
  public long startPublicThread(FakeUser owner, String name) {
    long id = Snowflakes.now();
    ObjectNode thread = Payloads.thread(id, TEXT_CHANNEL_ID, name, owner.id(), false, GUILD_ID);
    guildOfChannel.put(id, FakeGuild.MAIN);
    threads.put(id, thread);
    gateway.dispatch("THREAD_CREATE", thread.deepCopy().put("newly_created", true));
    return id;
  }

  /** The DM channel id between the bot and this person (created on first use, as Discord does). */
  public long dmChannelOf(FakeUser user) {
    return dmChannelOfUser.computeIfAbsent(user.id(), u -> Snowflakes.now());
  }

  private boolean isDm(long channelId) {
    return dmChannelOfUser.containsValue(channelId);
  }

  // ---------------------------------------------------------------- what the bot did

  /** Every REST request so far, in arrival order. */
  public List<RecordedRequest> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /** Waits until a request matching {@code what} has arrived, returning the first such request. */
  public RecordedRequest await(
      String description, Predicate<RecordedRequest> what, Duration timeout) {
    List<RecordedRequest> all = awaitCount(description, what, 1, timeout);
    return all.get(0);
  }

  /** Waits until {@code count} requests match; returns them in arrival order. */
  public List<RecordedRequest> awaitCount(
      String description, Predicate<RecordedRequest> what, int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (requests) {
      while (true) {
        List<RecordedRequest> matching = requests.stream().filter(what).toList();
        if (matching.size() >= count) {
          return matching;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          StringBuilder seen = new StringBuilder();
          requests.stream()
              .skip(Math.max(0, requests.size() - 25))
              .forEach(r -> seen.append("\n  ").append(r));
          throw new AssertionError(
              "Timed out after "
                  + timeout
                  + " waiting for "
                  + count
                  + " x "
                  + description
                  + " (saw "
                  + matching.size()
                  + "). Last requests:"
                  + seen);
        }
        try {
          requests.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError("interrupted", e);
        }
      }
    }
  }

  /** The initial response (callback) to an interaction. */
  public RecordedRequest awaitCallback(SentInteraction interaction, Duration timeout) {
    return await(
        "callback of interaction " + interaction.id(),
        r -> r.is("POST", interaction.callbackPath()),
        timeout);
  }

  /**
   * The first follow-up or edit of the original response sent through the interaction's webhook.
   */
  public RecordedRequest awaitWebhook(SentInteraction interaction, Duration timeout) {
    return await(
        "webhook message of interaction " + interaction.id(),
        r -> r.path().startsWith(interaction.webhookPath()) && !r.method().equals("GET"),
        timeout);
  }

  /**
   * The interaction's original response message after any edits. A deferred response ("thinking…")
   * has no content yet: this waits (up to 15 s) until the bot edited something into it.
   */
  public JsonNode originalMessage(SentInteraction interaction) {
    String key = "hook:" + interaction.token() + ":@original";
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    synchronized (requests) {
      while (true) {
        ObjectNode m = messages.get(key);
        boolean filled =
            m != null
                && (!m.path("content").asText("").isEmpty()
                    || !m.path("embeds").isEmpty()
                    || !m.path("components").isEmpty());
        long left = deadline - System.nanoTime();
        if (filled || left <= 0) {
          if (m == null) {
            throw new AssertionError(
                "interaction " + interaction.id() + " has no original response message");
          }
          return m.deepCopy();
        }
        try {
          requests.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError("interrupted", e);
        }
      }
    }
  }

  /**
   * The text of the interaction's response: the immediate reply, or what was edited into a deferred
   * one.
   */
  public String replyText(SentInteraction interaction, Duration timeout) {
    RecordedRequest callback = awaitCallback(interaction, timeout);
    if (callback.body().path("type").asInt() != 5) {
      return callback.text();
    }
    return awaitWebhook(interaction, timeout).text();
  }

  /**
   * The message the fake returned for a request (with its id, channel id and components), for
   * button clicks.
   */
  public JsonNode message(String messageId) {
    ObjectNode m = messages.get(messageId);
    if (m == null) {
      throw new AssertionError("no message " + messageId);
    }
    return m.deepCopy();
  }

  /** The most recent message the bot created or edited whose JSON contains {@code text}. */
  public JsonNode messageContaining(String text) {
    return messages.values().stream()
        .filter(m -> m.toString().contains(text))
        .max(java.util.Comparator.comparing(m -> Long.parseLong(m.get("id").asText())))
        .orElseThrow(() -> new AssertionError("no bot message contains '" + text + "'"))
        .deepCopy();
  }

  /**
   * The message an interaction's immediate reply (callback type 4) created, with its components, so
   * a test can click its buttons. The fake answers callbacks with 204, so the message gets a fresh
   * id here.
   */
  public JsonNode replyMessage(SentInteraction interaction, Duration timeout) {
    RecordedRequest callback = awaitCallback(interaction, timeout);
    long channel = channelOfToken.getOrDefault(interaction.token(), TEXT_CHANNEL_ID);
    return botMessage(Snowflakes.nowString(), channel, callback.body().path("data"), null);
  }

  /** Threads the bot created, by id. */
  public Map<Long, ObjectNode> threads() {
    return Map.copyOf(threads);
  }

  /** Files uploaded so far (multipart attachments), in arrival order. */
  public List<RecordedFile> files() {
    synchronized (requests) {
      return List.copyOf(files);
    }
  }

  /**
   * Deletes a channel of the server: the bot gets CHANNEL_DELETE over the gateway and REST calls to
   * the channel answer 404 Unknown Channel from now on.
   */
  public void deleteChannel(long channelId) {
    failingChannels.put(channelId, new Answer(404, error(10003, "Unknown Channel")));
    gateway.dispatch(
        "CHANNEL_DELETE", Payloads.textChannel(channelId, "deleted", guildOrMain(channelId).id()));
  }

  /**
   * REST calls to a channel answer 403 Missing Permissions from now on (the bot lost its rights
   * there).
   */
  public void denyChannel(long channelId) {
    failingChannels.put(channelId, new Answer(403, error(50013, "Missing Permissions")));
  }

  /**
   * Undoes {@link #denyChannel}: REST calls to the channel work again (the bot's rights were
   * restored).
   */
  public void allowChannel(long channelId) {
    failingChannels.remove(channelId);
  }

  /**
   * {@link System#nanoTime()} when each gateway connection closed (a bot stopping, a reconnect), in
   * order; on the same clock as {@link RecordedRequest#atNanos()}, so a test can tell what a bot
   * sent before it closed its gateway.
   */
  public List<Long> gatewayClosedAtNanos() {
    return gateway.closedAtNanos();
  }

  public int gatewayConnections() {
    return gateway.identifyCount();
  }

  // ---------------------------------------------------------------- REST

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String full = exchange.getRequestURI().getPath();
      String path =
          full.startsWith("/api/v10/")
              ? full.substring("/api/v10/".length())
              : full.replaceFirst("^/", "");
      String query =
          exchange.getRequestURI().getRawQuery() == null
              ? ""
              : exchange.getRequestURI().getRawQuery();
      String method = exchange.getRequestMethod();
      if (path.startsWith("attachments/")) {
        serveAttachment(exchange, path);
        return;
      }
      List<RecordedFile> uploaded = new ArrayList<>();
      JsonNode body = readBody(exchange, method, path, uploaded);
      RecordedRequest recorded = new RecordedRequest(method, path, query, body, System.nanoTime());
      if (!restDelay.isZero()) {
        try {
          Thread.sleep(restDelay.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      CountDownLatch postHold = channelPostHold;
      if (postHold != null && method.equals("POST") && CHANNEL_MESSAGES.matcher(path).matches()) {
        heldChannelPosts.incrementAndGet();
        try {
          if (!postHold.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("a test held channel posts and never released them");
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          heldChannelPosts.decrementAndGet();
        }
      }
      CountDownLatch hold = callbackHold;
      if (hold != null && CALLBACK.matcher(path).matches()) {
        try {
          if (!hold.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException(
                "a test held interaction callbacks and never released them");
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      Answer answer;
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      boolean limited = false;
      if (!path.startsWith("interactions/")
          && !path.startsWith("webhooks/")
          && !("Bot " + acceptedToken).equals(auth)) {
        answer = new Answer(401, error(0, "401: Unauthorized"));
      } else if (overGlobalLimit(method, path, body)) {
        ObjectNode limit = error(0, "You are being rate limited.");
        limit.put("retry_after", 1.0);
        limit.put("global", true);
        answer = new Answer(429, limit);
        limited = true;
      } else {
        try {
          answer = route(method, path, body);
        } catch (RuntimeException e) {
          answer = new Answer(500, error(0, "fake failed: " + e));
        }
      }
      // Record after the answer is computed so a test that sees the request also sees its effects.
      // A request refused by the rate limit was not taken: JDA sends it again, and that one is
      // recorded.
      if (!limited) {
        synchronized (requests) {
          requests.add(recorded);
          files.addAll(uploaded);
          requests.notifyAll();
        }
      }
      byte[] bytes =
          answer.body == null
              ? new byte[0]
              : answer.body.toString().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      if (limited) {
        // Discord's answer to a global limit; "Via" marks it as Discord's own, not a Cloudflare
        // ban, for JDA.
        exchange.getResponseHeaders().set("Retry-After", "1");
        exchange.getResponseHeaders().set("X-RateLimit-Global", "true");
        exchange.getResponseHeaders().set("X-RateLimit-Scope", "global");
        exchange.getResponseHeaders().set("Via", "1.1 google");
      }
      if (answer.status == 204) {
        exchange.sendResponseHeaders(204, -1);
      } else {
        exchange.sendResponseHeaders(answer.status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
          exchange.getResponseBody().write(bytes);
        }
      }
    }
  }

  private record Answer(int status, JsonNode body) {}

  /**
   * Serves a file attached with {@link #attachmentOption} (no token: Discord's CDN URLs are
   * public).
   */
  private void serveAttachment(HttpExchange exchange, String path) throws IOException {
    String[] parts = path.split("/");
    byte[] content = parts.length >= 2 ? attachments.get(parts[1]) : null;
    if (content == null) {
      exchange.sendResponseHeaders(404, -1);
      return;
    }
    exchange.getResponseHeaders().set("Content-Type", "text/markdown; charset=utf-8");
    exchange.sendResponseHeaders(200, content.length);
    exchange.getResponseBody().write(content);
  }

  private static ObjectNode error(int code, String message) {
    ObjectNode e = Payloads.object();
    e.put("code", code);
    e.put("message", message);
    return e;
  }

  private Answer route(String method, String path, JsonNode body) {
    Matcher m;
    Matcher target = CHANNEL_ANY.matcher(path);
    if (target.matches() && failingChannels.containsKey(Long.parseLong(target.group(1)))) {
      return failingChannels.get(Long.parseLong(target.group(1)));
    }
    if (path.equals("gateway/bot") || path.equals("gateway")) {
      ObjectNode g = Payloads.object();
      g.put("url", gatewayUrl());
      g.put("shards", shardsTotal);
      ObjectNode limit = g.putObject("session_start_limit");
      limit.put("total", 1000);
      limit.put("remaining", 1000);
      limit.put("reset_after", 0);
      limit.put("max_concurrency", 1);
      return ok(g);
    }
    if (path.equals("users/@me") && method.equals("GET")) {
      ObjectNode me = Payloads.user(BOT_ID, BOT_NAME, true);
      me.put("verified", true);
      me.put("mfa_enabled", false);
      me.put("flags", 0);
      return ok(me);
    }
    if (path.equals("applications/@me") || path.equals("oauth2/applications/@me")) {
      ObjectNode app = Payloads.object();
      app.put("id", Long.toString(APP_ID));
      app.put("name", BOT_NAME);
      app.put("description", "");
      app.putNull("icon");
      app.put("bot_public", false);
      app.put("bot_require_code_grant", false);
      app.put("flags", 0);
      app.putArray("tags");
      app.set("owner", Payloads.user(OWNER_ID, "owner", false));
      return ok(app);
    }
    if (path.matches("applications/\\d+/(guilds/\\d+/)?commands") && method.equals("PUT")) {
      ArrayNode out = Payloads.JSON.createArrayNode();
      for (JsonNode command : body) {
        ObjectNode c = command.deepCopy();
        c.put("id", Long.toString(commandId(command.path("name").asText())));
        c.put("application_id", Long.toString(APP_ID));
        c.put("version", "1");
        if (!c.has("type")) {
          c.put("type", 1);
        }
        out.add(c);
      }
      return ok(out);
    }
    if (path.matches("applications/\\d+/(guilds/\\d+/)?commands") && method.equals("GET")) {
      return ok(Payloads.JSON.createArrayNode());
    }
    if ((m = CALLBACK.matcher(path)).matches()) {
      int type = body.path("type").asInt();
      if (type == 4 || type == 5) {
        // The response becomes the interaction's original message (as on Discord), for later clicks
        // and edits.
        String token = m.group(1);
        long channel = channelOfToken.getOrDefault(token, TEXT_CHANNEL_ID);
        String id = Snowflakes.nowString();
        ObjectNode msg = botMessage(id, channel, body.path("data"), null);
        msg.put("webhook_id", Long.toString(APP_ID));
        messages.put("hook:" + token + ":@original", msg);
        messages.put(id, msg);
      }
      return new Answer(204, null);
    }
    if ((m = WEBHOOK_MESSAGE.matcher(path)).matches()) {
      if (method.equals("DELETE")) {
        return new Answer(204, null);
      }
      String key = "hook:" + m.group(1) + ":" + m.group(2);
      ObjectNode existing = messages.get(key);
      if (method.equals("GET")) {
        return existing == null ? new Answer(404, error(10008, "Unknown Message")) : ok(existing);
      }
      long channel = channelOfToken.getOrDefault(m.group(1), TEXT_CHANNEL_ID);
      String id =
          existing != null
              ? existing.get("id").asText()
              : m.group(2).equals("@original") ? Snowflakes.nowString() : m.group(2);
      ObjectNode msg = botMessage(id, channel, body, existing);
      msg.put("webhook_id", Long.toString(APP_ID));
      messages.put(key, msg);
      messages.put(id, msg);
      return ok(msg);
    }
    if ((m = WEBHOOK.matcher(path)).matches() && method.equals("POST")) {
      long channel = channelOfToken.getOrDefault(m.group(1), TEXT_CHANNEL_ID);
      String id = Snowflakes.nowString();
      ObjectNode msg = botMessage(id, channel, body, null);
      msg.put("webhook_id", Long.toString(APP_ID));
      messages.put(id, msg);
      messages.put("hook:" + m.group(1) + ":" + id, msg);
      return ok(msg);
    }
    if ((m = THREADS.matcher(path)).matches() && method.equals("POST")) {
      long parent = Long.parseLong(m.group(1));
      long id = Snowflakes.now();
      // A thread started from a message is public; one without a message defaults to private.
      boolean isPrivate = !path.contains("/messages/") && body.path("type").asInt(12) == 12;
      FakeGuild guild = guildOrMain(parent);
      ObjectNode thread =
          Payloads.thread(
              id, parent, body.path("name").asText("thread"), BOT_ID, isPrivate, guild.id());
      guildOfChannel.put(id, guild);
      threads.put(id, thread);
      gateway.dispatch("THREAD_CREATE", thread.deepCopy().put("newly_created", true));
      return new Answer(201, thread);
    }
    if (path.matches("channels/\\d+/thread-members/.+")
        && (method.equals("PUT") || method.equals("DELETE"))) {
      return new Answer(204, null);
    }
    if ((m = CHANNEL_MESSAGE.matcher(path)).matches()) {
      if (method.equals("DELETE")) {
        return new Answer(204, null);
      }
      ObjectNode existing = messages.get(m.group(2));
      ObjectNode msg = botMessage(m.group(2), Long.parseLong(m.group(1)), body, existing);
      messages.put(m.group(2), msg);
      return ok(msg);
    }
    if ((m = CHANNEL_MESSAGES.matcher(path)).matches() && method.equals("POST")) {
      String id = Snowflakes.nowString();
      ObjectNode msg = botMessage(id, Long.parseLong(m.group(1)), body, null);
      messages.put(id, msg);
      return ok(msg);
    }
    if (path.equals("users/@me/channels") && method.equals("POST")) {
      long user = body.path("recipient_id").asLong();
      long channel = dmChannelOfUser.computeIfAbsent(user, u -> Snowflakes.now());
      return ok(Payloads.dmChannel(channel, new FakeUser(user, "user" + user, 0)));
    }
    return new Answer(
        404,
        error(0, "404: Not Found (fake Discord has no route for " + method + " " + path + ")"));
  }

  private static Answer ok(JsonNode body) {
    return new Answer(200, body);
  }

  private ObjectNode botMessage(String id, long channelId, JsonNode body, ObjectNode existing) {
    ObjectNode msg =
        existing != null
            ? existing.deepCopy()
            : Payloads.userMessage(
                id,
                channelId,
                new FakeUser(BOT_ID, BOT_NAME, FakeUser.ADMIN_PERMISSIONS),
                "",
                isDm(channelId) ? null : guildOrMain(channelId));
    ((ObjectNode) msg.get("author")).put("bot", true);
    msg.put("application_id", Long.toString(APP_ID));
    if (body != null && body.isObject()) {
      for (String field : List.of("content", "embeds", "components", "flags")) {
        if (body.has(field)) {
          msg.set(field, body.get(field).deepCopy());
        }
      }
      // Discord returns every sent embed with type "rich".
      msg.path("embeds")
          .forEach(
              e -> {
                if (e.isObject() && !e.has("type")) {
                  ((ObjectNode) e).put("type", "rich");
                }
              });
    }
    return msg;
  }

  private static JsonNode readBody(
      HttpExchange exchange, String method, String path, List<RecordedFile> uploaded)
      throws IOException {
    byte[] raw;
    try (InputStream in = exchange.getRequestBody()) {
      raw = in.readAllBytes();
    }
    if (raw.length == 0) {
      return MissingNode.getInstance();
    }
    String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
    String text = new String(raw, StandardCharsets.UTF_8);
    if (contentType.startsWith("multipart/form-data")) {
      uploaded.addAll(multipartFiles(raw, contentType, method, path));
      int at = text.indexOf("name=\"payload_json\"");
      if (at < 0) {
        return MissingNode.getInstance();
      }
      int start = text.indexOf("\r\n\r\n", at) + 4;
      int end = text.indexOf("\r\n--", start);
      text = text.substring(start, end);
    }
    try {
      return Payloads.JSON.readTree(text);
    } catch (IOException e) {
      return Payloads.JSON.getNodeFactory().textNode(text);
    }
  }

  /**
   * The file parts of a multipart body, bytes kept exactly (ISO-8859-1 maps bytes to chars one to
   * one).
   */
  private static List<RecordedFile> multipartFiles(
      byte[] raw, String contentType, String method, String path) {
    Matcher b = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(contentType);
    if (!b.find()) {
      return List.of();
    }
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    String delimiter = "--" + b.group(1);
    List<RecordedFile> out = new ArrayList<>();
    for (String part : text.split(Pattern.quote(delimiter))) {
      int headerEnd = part.indexOf("\r\n\r\n");
      if (headerEnd < 0) {
        continue;
      }
      String headers = part.substring(0, headerEnd);
      Matcher name = Pattern.compile("filename=\"([^\"]*)\"").matcher(headers);
      if (!name.find()) {
        continue;
      }
      Matcher type = Pattern.compile("(?i)content-type:\\s*([^\r\n]+)").matcher(headers);
      String content = part.substring(headerEnd + 4);
      if (content.endsWith("\r\n")) {
        content = content.substring(0, content.length() - 2);
      }
      out.add(
          new RecordedFile(
              method,
              path,
              name.group(1),
              type.find() ? type.group(1).strip() : "",
              content.getBytes(StandardCharsets.ISO_8859_1)));
    }
    return out;
  }

  @Override
  public void close() {
    gateway.shutdown();
    http.stop(0);
    httpPool.shutdownNow();
    otherTraffic.shutdownNow();
  }
}
