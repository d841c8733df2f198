package dev.interviewtutor.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * The gateway half of {@link FakeDiscord}: HELLO, IDENTIFY, READY, GUILD_CREATE, heartbeats,
 * dispatches. Sharded as Discord is: a connection that identifies with {@code shard: [id, total]}
 * gets only the servers whose shard {@code (guild_id >> 22) % total} is {@code id}, and only their
 * events; events outside any server (DMs) go to shard 0. A connection without {@code shard} is
 * shard 0 of 1 and gets everything.
 */
final class FakeGateway extends WebSocketServer {
  private final String acceptedToken;
  private final Supplier<List<ObjectNode>> guilds;
  private final CountDownLatch started = new CountDownLatch(1);

  /** Identified connections and the shard each one runs ({@code [id, total]}). */
  private final Map<WebSocket, int[]> identified = new ConcurrentHashMap<>();

  private final List<List<Integer>> identifiedShards = new CopyOnWriteArrayList<>();
  private final AtomicInteger sequence = new AtomicInteger();
  private final AtomicInteger identifies = new AtomicInteger();
  private final List<Long> closedAtNanos = new CopyOnWriteArrayList<>();

  private FakeGateway(String acceptedToken, Supplier<List<ObjectNode>> guilds) {
    super(new InetSocketAddress("127.0.0.1", 0));
    this.acceptedToken = acceptedToken;
    this.guilds = guilds;
    setReuseAddr(true);
    setDaemon(true);
  }

  static FakeGateway start(String acceptedToken, Supplier<List<ObjectNode>> guilds)
      throws IOException {
    FakeGateway gateway = new FakeGateway(acceptedToken, guilds);
    gateway.start();
    try {
      if (!gateway.started.await(10, TimeUnit.SECONDS)) {
        throw new IOException("fake gateway did not start");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    return gateway;
  }

  int port() {
    return getPort();
  }

  int identifyCount() {
    return identifies.get();
  }

  /** {@link System#nanoTime()} when each connection closed, in order. */
  List<Long> closedAtNanos() {
    return List.copyOf(closedAtNanos);
  }

  List<List<Integer>> identifiedShards() {
    return List.copyOf(identifiedShards);
  }

  /**
   * Sends a dispatch event to every identified session whose shard holds its server (DMs: shard 0).
   */
  void dispatch(String type, JsonNode data) {
    long guildId = guildOf(type, data);
    ObjectNode frame = Payloads.object();
    frame.put("op", 0);
    frame.put("t", type);
    frame.put("s", sequence.incrementAndGet());
    frame.set("d", data);
    String text = frame.toString();
    identified.forEach(
        (socket, shard) -> {
          if (socket.isOpen() && holds(shard, guildId)) {
            socket.send(text);
          }
        });
  }

  /** The server an event belongs to, 0 for none (a DM). */
  private static long guildOf(String type, JsonNode data) {
    if (type.equals("GUILD_CREATE")) {
      return data.path("id").asLong();
    }
    return data.path("guild_id").asLong(0);
  }

  /**
   * Whether a connection on {@code shard} ({@code [id, total]}) receives events of the server (0:
   * none).
   */
  private static boolean holds(int[] shard, long guildId) {
    if (guildId == 0) {
      return shard[0] == 0;
    }
    return (guildId >>> 22) % shard[1] == shard[0];
  }

  @Override
  public void onStart() {
    started.countDown();
  }

  @Override
  public void onOpen(WebSocket socket, ClientHandshake handshake) {
    ObjectNode hello = Payloads.object();
    hello.put("op", 10);
    hello.putObject("d").put("heartbeat_interval", 41250);
    socket.send(hello.toString());
  }

  @Override
  public void onMessage(WebSocket socket, String message) {
    JsonNode frame;
    try {
      frame = Payloads.JSON.readTree(message);
    } catch (IOException e) {
      socket.close(4002, "Decode error");
      return;
    }
    switch (frame.path("op").asInt(-1)) {
      case 1 -> {
        ObjectNode ack = Payloads.object();
        ack.put("op", 11);
        socket.send(ack.toString());
      }
      case 2 -> identify(socket, frame.path("d"));
      case 6 -> {
        // No resume support: tell the client to identify again.
        ObjectNode invalid = Payloads.object();
        invalid.put("op", 9);
        invalid.put("d", false);
        socket.send(invalid.toString());
      }
      default -> {}
    }
  }

  private void identify(WebSocket socket, JsonNode data) {
    String token = data.path("token").asText().replaceFirst("^Bot ", "");
    if (!acceptedToken.equals(token)) {
      socket.close(4004, "Authentication failed.");
      return;
    }
    JsonNode shardField = data.path("shard");
    int[] shard =
        shardField.isArray() && shardField.size() == 2
            ? new int[] {shardField.get(0).asInt(), shardField.get(1).asInt()}
            : new int[] {0, 1};
    if (shard[1] < 1 || shard[0] < 0 || shard[0] >= shard[1]) {
      socket.close(4010, "Invalid shard.");
      return;
    }
    identifies.incrementAndGet();
    identifiedShards.add(List.of(shard[0], shard[1]));
    List<ObjectNode> mine =
        guilds.get().stream().filter(g -> holds(shard, g.path("id").asLong())).toList();
    ObjectNode ready = Payloads.object();
    ready.put("v", 10);
    ready.set("user", Payloads.user(FakeDiscord.BOT_ID, FakeDiscord.BOT_NAME, true));
    ArrayNode unavailable = ready.putArray("guilds");
    mine.forEach(
        g -> unavailable.addObject().put("id", g.path("id").asText()).put("unavailable", true));
    ready.putArray("shard").add(shard[0]).add(shard[1]);
    ready.put("session_id", "session-" + identifies.get());
    ready.put("resume_gateway_url", "ws://127.0.0.1:" + port() + "/");
    ready.putArray("private_channels");
    ready.putArray("relationships");
    ready.putArray("presences");
    ready.putObject("application").put("id", Long.toString(FakeDiscord.APP_ID)).put("flags", 0);
    identified.put(socket, shard);
    send(socket, "READY", ready);
    mine.forEach(g -> send(socket, "GUILD_CREATE", g));
  }

  private void send(WebSocket socket, String type, JsonNode data) {
    ObjectNode frame = Payloads.object();
    frame.put("op", 0);
    frame.put("t", type);
    frame.put("s", sequence.incrementAndGet());
    frame.set("d", data);
    socket.send(frame.toString());
  }

  @Override
  public void onClose(WebSocket socket, int code, String reason, boolean remote) {
    closedAtNanos.add(System.nanoTime());
    identified.remove(socket);
  }

  @Override
  public void onError(WebSocket socket, Exception ex) {
    // Client disconnects during shutdown are expected.
  }

  void shutdown() {
    try {
      stop(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
