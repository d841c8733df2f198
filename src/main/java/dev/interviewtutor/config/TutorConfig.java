package dev.interviewtutor.config;

import dev.interviewtutor.store.DatabaseTarget;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every setting of the application, read once from the environment (and overridden by command-line
 * options). Secrets are held here but never printed: {@link #toString()} masks them.
 *
 * @param db {@code TUTOR_DB}: an SQLite file (default {@code ./data/tutor.db}) or a {@code
 *     jdbc:postgresql://host/db} URL; its user and password come only from {@code TUTOR_DB_USER}
 *     and {@code TUTOR_DB_PASSWORD}
 * @param knowledgeDir directory of bank files ({@code TUTOR_KNOWLEDGE}, default {@code
 *     ./knowledge})
 * @param promptsDir directory of LLM prompt templates ({@code TUTOR_PROMPTS}, default {@code
 *     ./prompts})
 * @param llmProvider {@code TUTOR_LLM_PROVIDER}: none, openai, ollama, anthropic, gemini (default
 *     none)
 * @param llmModel {@code TUTOR_LLM_MODEL}, provider default when empty
 * @param llmBaseUrl {@code TUTOR_LLM_BASE_URL}, for OpenAI-compatible servers and Ollama
 * @param llmApiKey the provider's key from its usual variable (OPENAI_API_KEY, ANTHROPIC_API_KEY,
 *     ...)
 * @param llmTimeout {@code TUTOR_LLM_TIMEOUT_SECONDS}, default 20
 * @param llmDailyBudget {@code TUTOR_LLM_DAILY_BUDGET}: LLM calls per server per day, default 500
 * @param llmFollowUps {@code TUTOR_LLM_FOLLOW_UPS}: ask one follow-up after a partial answer,
 *     default true
 * @param llmRouting {@code TUTOR_LLM_ROUTING}: which answers the LLM grades, {@code uncertain}
 *     (default: only those the offline grader is unsure of, saving the budget) or {@code all}
 * @param discordToken {@code DISCORD_TOKEN}, empty when absent
 * @param discordGuildId {@code DISCORD_GUILD_ID}: register commands on this server only
 *     (development)
 * @param discordRestUrl {@code DISCORD_REST_URL}: base URL of the Discord REST API (a proxy),
 *     optional
 * @param discordGatewayUrl {@code DISCORD_GATEWAY_URL}: gateway URL (a proxy), optional
 * @param answersPerMinute {@code TUTOR_ANSWERS_PER_MINUTE}: graded answers per person per minute,
 *     default 6
 * @param discordMessageContent {@code DISCORD_MESSAGE_CONTENT}: ask for the privileged Message
 *     Content intent so plain-text answers work in server threads, default false
 * @param http {@code TUTOR_HTTP_PORT} and {@code TUTOR_HTTP_HOST}: the health and metrics endpoint,
 *     off unless the port is set; on 127.0.0.1 unless the host is set
 * @param discordShards {@code DISCORD_SHARDS_TOTAL} and {@code DISCORD_SHARDS}: the gateway shards
 *     this process runs; unset, every shard
 */
public record TutorConfig(
    DatabaseTarget db,
    Path knowledgeDir,
    Path promptsDir,
    String llmProvider,
    String llmModel,
    Optional<URI> llmBaseUrl,
    String llmApiKey,
    Duration llmTimeout,
    int llmDailyBudget,
    boolean llmFollowUps,
    String llmRouting,
    String discordToken,
    Optional<Long> discordGuildId,
    Optional<URI> discordRestUrl,
    Optional<URI> discordGatewayUrl,
    int answersPerMinute,
    boolean discordMessageContent,
    HttpEndpoint http,
    DiscordShards discordShards) {

  /**
   * Reads every setting from the given environment; an invalid value throws naming the variable.
   */
  public static TutorConfig fromEnvironment(Map<String, String> env) {
    String provider = get(env, "TUTOR_LLM_PROVIDER", "none").toLowerCase(Locale.ROOT);
    if (!provider.matches("none|openai|ollama|anthropic|gemini")) {
      throw new ConfigException(
          "TUTOR_LLM_PROVIDER='"
              + provider
              + "' is not one of: none, openai, ollama, anthropic, gemini");
    }
    return new TutorConfig(
        database(env),
        Path.of(get(env, "TUTOR_KNOWLEDGE", "knowledge")),
        Path.of(get(env, "TUTOR_PROMPTS", "prompts")),
        provider,
        get(env, "TUTOR_LLM_MODEL", ""),
        uri(env, "TUTOR_LLM_BASE_URL"),
        apiKeyFor(provider, env),
        Duration.ofSeconds(positiveInt(env, "TUTOR_LLM_TIMEOUT_SECONDS", 20)),
        positiveInt(env, "TUTOR_LLM_DAILY_BUDGET", 500),
        bool(env, "TUTOR_LLM_FOLLOW_UPS", true),
        oneOf(env, "TUTOR_LLM_ROUTING", "uncertain", "uncertain", "all"),
        get(env, "DISCORD_TOKEN", ""),
        snowflake(env, "DISCORD_GUILD_ID"),
        uri(env, "DISCORD_REST_URL"),
        uri(env, "DISCORD_GATEWAY_URL"),
        positiveInt(env, "TUTOR_ANSWERS_PER_MINUTE", 6),
        bool(env, "DISCORD_MESSAGE_CONTENT", false),
        http(env),
        DiscordShards.fromEnvironment(env));
  }

  /**
   * This configuration with some settings replaced, given by their environment names ({@code
   * TUTOR_DB}, ...); values are validated exactly as in the environment. Used for command-line
   * options.
   */
  public TutorConfig with(Map<String, String> settings) {
    if (settings.isEmpty()) {
      return this;
    }
    Map<String, String> merged = new HashMap<>(asSettings());
    merged.putAll(settings);
    return fromEnvironment(merged);
  }

  /** Every setting under its environment name, secrets included (never print this map). */
  private Map<String, String> asSettings() {
    Map<String, String> settings = new HashMap<>();
    settings.put("TUTOR_DB", db.value());
    settings.put("TUTOR_DB_USER", db.user());
    settings.put("TUTOR_DB_PASSWORD", db.password());
    settings.put("TUTOR_KNOWLEDGE", knowledgeDir.toString());
    settings.put("TUTOR_PROMPTS", promptsDir.toString());
    settings.put("TUTOR_LLM_PROVIDER", llmProvider);
    settings.put("TUTOR_LLM_MODEL", llmModel);
    llmBaseUrl.ifPresent(u -> settings.put("TUTOR_LLM_BASE_URL", u.toString()));
    keyVariable(llmProvider).ifPresent(name -> settings.put(name, llmApiKey));
    settings.put("TUTOR_LLM_TIMEOUT_SECONDS", Long.toString(llmTimeout.toSeconds()));
    settings.put("TUTOR_LLM_DAILY_BUDGET", Integer.toString(llmDailyBudget));
    settings.put("TUTOR_LLM_FOLLOW_UPS", Boolean.toString(llmFollowUps));
    settings.put("TUTOR_LLM_ROUTING", llmRouting);
    settings.put("DISCORD_TOKEN", discordToken);
    discordGuildId.ifPresent(id -> settings.put("DISCORD_GUILD_ID", Long.toUnsignedString(id)));
    discordRestUrl.ifPresent(u -> settings.put("DISCORD_REST_URL", u.toString()));
    discordGatewayUrl.ifPresent(u -> settings.put("DISCORD_GATEWAY_URL", u.toString()));
    settings.put("TUTOR_ANSWERS_PER_MINUTE", Integer.toString(answersPerMinute));
    settings.put("DISCORD_MESSAGE_CONTENT", Boolean.toString(discordMessageContent));
    if (http.isOn()) {
      settings.put("TUTOR_HTTP_PORT", Integer.toString(http.port()));
    }
    settings.put("TUTOR_HTTP_HOST", http.host());
    if (discordShards.chosen()) {
      settings.put("DISCORD_SHARDS_TOTAL", Integer.toString(discordShards.total()));
      if (discordShards.first() > 0 || discordShards.last() < discordShards.total() - 1) {
        settings.put("DISCORD_SHARDS", discordShards.range());
      }
    }
    return settings;
  }

  private static Optional<String> keyVariable(String provider) {
    return switch (provider) {
      case "openai" -> Optional.of("OPENAI_API_KEY");
      case "anthropic" -> Optional.of("ANTHROPIC_API_KEY");
      case "gemini" -> Optional.of("GOOGLE_AI_GEMINI_API_KEY");
      default -> Optional.empty();
    };
  }

  /** The defaults, as with an empty environment. */
  public static TutorConfig defaults() {
    return fromEnvironment(Map.of());
  }

  public boolean llmConfigured() {
    return !"none".equals(llmProvider);
  }

  public boolean discordConfigured() {
    return !discordToken.isBlank();
  }

  public TutorConfig withDb(Path value) {
    return with(Map.of("TUTOR_DB", value.toString()));
  }

  public TutorConfig withKnowledgeDir(Path value) {
    return with(Map.of("TUTOR_KNOWLEDGE", value.toString()));
  }

  public TutorConfig withPromptsDir(Path value) {
    return with(Map.of("TUTOR_PROMPTS", value.toString()));
  }

  @Override
  public String toString() {
    return "TutorConfig[db="
        + db
        + ", knowledgeDir="
        + knowledgeDir
        + ", promptsDir="
        + promptsDir
        + ", llmProvider="
        + llmProvider
        + ", llmModel="
        + llmModel
        + ", llmBaseUrl="
        + llmBaseUrl
        + ", llmApiKey="
        + (llmApiKey.isEmpty() ? "<none>" : "<set>")
        + ", llmTimeout="
        + llmTimeout
        + ", llmDailyBudget="
        + llmDailyBudget
        + ", llmFollowUps="
        + llmFollowUps
        + ", llmRouting="
        + llmRouting
        + ", discordToken="
        + (discordToken.isEmpty() ? "<none>" : "<set>")
        + ", discordGuildId="
        + discordGuildId
        + ", discordRestUrl="
        + discordRestUrl
        + ", discordGatewayUrl="
        + discordGatewayUrl
        + ", answersPerMinute="
        + answersPerMinute
        + ", discordMessageContent="
        + discordMessageContent
        + ", http="
        + http
        + ", discordShards="
        + discordShards.describe()
        + "]";
  }

  private static DatabaseTarget database(Map<String, String> env) {
    try {
      return DatabaseTarget.parse(
          get(env, "TUTOR_DB", "data/tutor.db"),
          get(env, "TUTOR_DB_USER", ""),
          get(env, "TUTOR_DB_PASSWORD", ""));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  private static String apiKeyFor(String provider, Map<String, String> env) {
    return switch (provider) {
      case "openai" -> get(env, "OPENAI_API_KEY", "");
      case "anthropic" -> get(env, "ANTHROPIC_API_KEY", "");
      case "gemini" -> get(env, "GOOGLE_AI_GEMINI_API_KEY", get(env, "GEMINI_API_KEY", ""));
      default -> "";
    };
  }

  private static String get(Map<String, String> env, String name, String fallback) {
    String value = env.get(name);
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  private static int positiveInt(Map<String, String> env, String name, int fallback) {
    String raw = get(env, name, "");
    if (raw.isEmpty()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw);
      if (value <= 0) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new ConfigException(
          name + "='" + raw + "' must be a positive whole number (default " + fallback + ")");
    }
  }

  private static String oneOf(
      Map<String, String> env, String name, String fallback, String... allowed) {
    String raw = get(env, name, fallback).toLowerCase(Locale.ROOT);
    if (!java.util.Arrays.asList(allowed).contains(raw)) {
      throw new ConfigException(
          name + "='" + raw + "' is not one of: " + String.join(", ", allowed));
    }
    return raw;
  }

  private static boolean bool(Map<String, String> env, String name, boolean fallback) {
    String raw = get(env, name, "").toLowerCase(Locale.ROOT);
    return switch (raw) {
      case "" -> fallback;
      case "true", "yes", "1", "on" -> true;
      case "false", "no", "0", "off" -> false;
      default -> throw new ConfigException(name + "='" + raw + "' must be true or false");
    };
  }

  private static Optional<URI> uri(Map<String, String> env, String name) {
    String raw = get(env, name, "");
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    try {
      URI uri = URI.create(raw);
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new IllegalArgumentException();
      }
      return Optional.of(uri);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          name + "='" + raw + "' is not an absolute URL such as http://127.0.0.1:8080/");
    }
  }

  /**
   * The HTTP endpoint: off without {@code TUTOR_HTTP_PORT}; {@code TUTOR_HTTP_HOST} alone changes
   * nothing.
   */
  private static HttpEndpoint http(Map<String, String> env) {
    String rawPort = get(env, "TUTOR_HTTP_PORT", "");
    String host = get(env, "TUTOR_HTTP_HOST", HttpEndpoint.DEFAULT_HOST);
    if (!host.matches("[A-Za-z0-9.:%_\\[\\]-]+")) {
      throw new ConfigException(
          "TUTOR_HTTP_HOST='"
              + host
              + "' must be a host name or IP address to listen on, such"
              + " as 127.0.0.1 (the default: this machine only) or 0.0.0.0 (every interface)");
    }
    if (rawPort.isEmpty()) {
      return new HttpEndpoint(host, HttpEndpoint.OFF);
    }
    int port;
    try {
      port = Integer.parseInt(rawPort);
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (port < 0 || port > 65535) {
      throw new ConfigException(
          "TUTOR_HTTP_PORT='"
              + rawPort
              + "' must be a port number from 1 to 65535 (0: any free"
              + " port); leave it unset to keep the HTTP endpoint off");
    }
    return new HttpEndpoint(host, port);
  }

  private static Optional<Long> snowflake(Map<String, String> env, String name) {
    String raw = get(env, name, "");
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseUnsignedLong(raw));
    } catch (NumberFormatException e) {
      throw new ConfigException(name + "='" + raw + "' must be a Discord id (digits only)");
    }
  }
}
