package dev.interviewtutor.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Builders for the JSON Discord sends: users, members, channels, the guild, interactions and
 * messages.
 */
public final class Payloads {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final String JOINED = "2024-01-01T00:00:00.000000+00:00";

  private Payloads() {}

  public static ObjectNode object() {
    return JSON.createObjectNode();
  }

  public static String timestamp() {
    return OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  public static ObjectNode user(long id, String name, boolean bot) {
    ObjectNode u = object();
    u.put("id", Long.toString(id));
    u.put("username", name);
    u.put("global_name", name);
    u.put("discriminator", "0");
    u.putNull("avatar");
    u.put("bot", bot);
    u.put("public_flags", 0);
    return u;
  }

  public static ObjectNode user(FakeUser user) {
    return user(user.id(), user.name(), false);
  }

  public static ObjectNode member(FakeUser user) {
    return member(user, FakeGuild.MAIN);
  }

  /** A member of {@code guild} (admins get its Moderators role). */
  public static ObjectNode member(FakeUser user, FakeGuild guild) {
    ObjectNode m = object();
    m.set("user", user(user));
    ArrayNode roles = m.putArray("roles");
    if ((user.permissions() & FakeUser.ADMIN_PERMISSIONS & ~FakeUser.MEMBER_PERMISSIONS) != 0) {
      roles.add(Long.toString(guild.adminRoleId()));
    }
    m.put("joined_at", JOINED);
    m.put("deaf", false);
    m.put("mute", false);
    m.put("pending", false);
    m.put("flags", 0);
    m.putNull("nick");
    m.put("permissions", Long.toString(user.permissions()));
    return m;
  }

  static ObjectNode textChannel(long id, String name, long guildId) {
    ObjectNode c = object();
    c.put("id", Long.toString(id));
    c.put("type", 0);
    c.put("guild_id", Long.toString(guildId));
    c.put("name", name);
    c.put("position", 0);
    c.putArray("permission_overwrites");
    c.putNull("parent_id");
    c.put("nsfw", false);
    c.put("rate_limit_per_user", 0);
    c.putNull("topic");
    c.putNull("last_message_id");
    return c;
  }

  /** A voice channel (its text chat takes slash commands like any channel). */
  static ObjectNode voiceChannel(long id, String name, long guildId) {
    ObjectNode c = object();
    c.put("id", Long.toString(id));
    c.put("type", 2);
    c.put("guild_id", Long.toString(guildId));
    c.put("name", name);
    c.put("position", 1);
    c.putArray("permission_overwrites");
    c.putNull("parent_id");
    c.put("nsfw", false);
    c.put("bitrate", 64000);
    c.put("user_limit", 0);
    c.putNull("rtc_region");
    c.put("rate_limit_per_user", 0);
    c.putNull("last_message_id");
    return c;
  }

  static ObjectNode thread(
      long id, long parentId, String name, long ownerId, boolean isPrivate, long guildId) {
    ObjectNode c = object();
    c.put("id", Long.toString(id));
    c.put("type", isPrivate ? 12 : 11);
    c.put("guild_id", Long.toString(guildId));
    c.put("parent_id", Long.toString(parentId));
    c.put("owner_id", Long.toString(ownerId));
    c.put("name", name);
    c.put("rate_limit_per_user", 0);
    c.put("message_count", 0);
    c.put("member_count", 1);
    c.put("total_message_sent", 0);
    c.putNull("last_message_id");
    c.put("flags", 0);
    ObjectNode meta = c.putObject("thread_metadata");
    meta.put("archived", false);
    meta.put("auto_archive_duration", 1440);
    meta.put("archive_timestamp", timestamp());
    meta.put("locked", false);
    meta.put("invitable", false);
    return c;
  }

  static ObjectNode dmChannel(long id, FakeUser recipient) {
    ObjectNode c = object();
    c.put("id", Long.toString(id));
    c.put("type", 1);
    c.putNull("last_message_id");
    c.putArray("recipients").add(user(recipient));
    return c;
  }

  static ObjectNode role(long id, String name, long permissions, int position) {
    ObjectNode r = object();
    r.put("id", Long.toString(id));
    r.put("name", name);
    r.put("permissions", Long.toString(permissions));
    r.put("position", position);
    r.put("color", 0);
    ObjectNode colors = r.putObject("colors");
    colors.put("primary_color", 0);
    colors.putNull("secondary_color");
    colors.putNull("tertiary_color");
    r.put("hoist", false);
    r.put("managed", false);
    r.put("mentionable", false);
    r.put("flags", 0);
    return r;
  }

  static ObjectNode guild(FakeUser bot, FakeGuild guild) {
    ObjectNode g = object();
    g.put("id", guild.idString());
    g.put("name", guild.name());
    g.putNull("icon");
    g.putNull("splash");
    g.putNull("banner");
    g.putNull("description");
    g.put("owner_id", "1");
    g.put("afk_timeout", 300);
    g.put("verification_level", 0);
    g.put("default_message_notifications", 0);
    g.put("explicit_content_filter", 0);
    g.put("mfa_level", 0);
    g.put("nsfw_level", 0);
    g.put("premium_tier", 0);
    g.put("premium_subscription_count", 0);
    g.put("system_channel_flags", 0);
    g.put("preferred_locale", "en-US");
    g.put("max_members", 500000);
    g.put("member_count", 2);
    g.put("large", false);
    g.put("unavailable", false);
    g.put("joined_at", JOINED);
    g.putArray("features");
    g.putArray("roles")
        .add(role(guild.id(), "@everyone", FakeUser.MEMBER_PERMISSIONS, 0))
        .add(role(guild.adminRoleId(), "Moderators", FakeUser.ADMIN_PERMISSIONS, 1));
    g.putArray("emojis");
    g.putArray("stickers");
    g.putArray("voice_states");
    g.putArray("presences");
    g.putArray("threads");
    g.putArray("stage_instances");
    g.putArray("guild_scheduled_events");
    g.putArray("soundboard_sounds");
    ObjectNode botMember =
        member(new FakeUser(bot.id(), bot.name(), FakeUser.ADMIN_PERMISSIONS), guild);
    ((ObjectNode) botMember.get("user")).put("bot", true);
    g.putArray("members").add(botMember);
    g.putArray("channels")
        .add(textChannel(guild.textChannelId(), "study", guild.id()))
        .add(voiceChannel(guild.voiceChannelId(), "study-voice", guild.id()));
    return g;
  }

  /**
   * A slash command option: name and value (String, Number or Boolean); type inferred from the
   * value.
   */
  public static ObjectNode option(String name, Object value) {
    ObjectNode o = object();
    o.put("name", name);
    if (value instanceof Integer || value instanceof Long) {
      o.put("type", 4);
      o.put("value", ((Number) value).longValue());
    } else if (value instanceof Boolean b) {
      o.put("type", 5);
      o.put("value", b);
    } else {
      o.put("type", 3);
      o.put("value", String.valueOf(value));
    }
    return o;
  }

  /**
   * An option of an explicit Discord type with a snowflake value: 6 = user, 7 = channel, 8 = role.
   * JDA reads the id with {@code OptionMapping.getAsLong()}.
   */
  public static ObjectNode idOption(String name, int type, long id) {
    ObjectNode o = object();
    o.put("name", name);
    o.put("type", type);
    o.put("value", Long.toString(id));
    return o;
  }

  /** A focused string option, as sent with autocomplete interactions. */
  public static ObjectNode focused(String name, String partial) {
    ObjectNode o = option(name, partial);
    o.put("focused", true);
    return o;
  }

  /** A subcommand option wrapping its own options. */
  public static ObjectNode subcommand(String name, ObjectNode... options) {
    ObjectNode o = object();
    o.put("name", name);
    o.put("type", 1);
    ArrayNode nested = o.putArray("options");
    for (ObjectNode option : options) {
      nested.add(option);
    }
    return o;
  }

  /**
   * The common part of an interaction in the guild's text channel (or a DM when {@code dmChannelId}
   * is set).
   */
  static ObjectNode interaction(
      int type, FakeUser user, long channelId, FakeGuild guild, String id, String token) {
    boolean inGuild = guild != null;
    ObjectNode i = object();
    i.put("id", id);
    i.put("application_id", Long.toString(FakeDiscord.APP_ID));
    i.put("type", type);
    i.put("token", token);
    i.put("version", 1);
    i.put("locale", "en-US");
    i.put("app_permissions", Long.toString(FakeUser.ADMIN_PERMISSIONS));
    i.putArray("entitlements");
    i.put("channel_id", Long.toString(channelId));
    if (inGuild) {
      i.put("guild_id", guild.idString());
      i.put("guild_locale", "en-US");
      ObjectNode partialGuild = i.putObject("guild");
      partialGuild.put("id", guild.idString());
      partialGuild.put("locale", "en-US");
      partialGuild.putArray("features");
      i.set("member", member(user, guild));
      i.put("context", 0);
      i.putObject("authorizing_integration_owners").put("0", guild.idString());
    } else {
      i.set("user", user(user));
      i.put("context", 1);
      i.putObject("authorizing_integration_owners").put("1", user.idString());
    }
    return i;
  }

  static void commandData(
      ObjectNode interaction, String name, JsonNode[] options, FakeGuild guild) {
    ObjectNode data = interaction.putObject("data");
    data.put("id", Long.toString(FakeDiscord.commandId(name)));
    data.put("name", name);
    data.put("type", 1);
    if (guild != null) {
      data.put("guild_id", guild.idString());
    }
    ArrayNode opts = data.putArray("options");
    for (JsonNode option : options) {
      ObjectNode copy = option.deepCopy();
      resolveAttachments(copy, data);
      JsonNode resolvedUser = copy.remove("_user");
      JsonNode resolvedMember = copy.remove("_member");
      if (resolvedUser != null) {
        ObjectNode resolved =
            data.has("resolved") ? (ObjectNode) data.get("resolved") : data.putObject("resolved");
        String id = copy.path("value").asText();
        (resolved.has("users") ? (ObjectNode) resolved.get("users") : resolved.putObject("users"))
            .set(id, resolvedUser);
        if (resolvedMember != null) {
          (resolved.has("members")
                  ? (ObjectNode) resolved.get("members")
                  : resolved.putObject("members"))
              .set(id, resolvedMember);
        }
      }
      opts.add(copy);
    }
  }

  /**
   * Moves attachments of an option (or of a subcommand's options) into the interaction's resolved
   * data.
   */
  private static void resolveAttachments(ObjectNode option, ObjectNode data) {
    JsonNode attachment = option.remove("_attachment");
    if (attachment != null) {
      ObjectNode resolved =
          data.has("resolved") ? (ObjectNode) data.get("resolved") : data.putObject("resolved");
      (resolved.has("attachments")
              ? (ObjectNode) resolved.get("attachments")
              : resolved.putObject("attachments"))
          .set(option.path("value").asText(), attachment);
    }
    for (JsonNode nested : option.path("options")) {
      if (nested instanceof ObjectNode o) {
        resolveAttachments(o, data);
      }
    }
  }

  /**
   * A USER option naming {@code user}, resolved as Discord does: the user, and the member when they
   * are in the server ({@code inServer}).
   */
  public static ObjectNode userOption(String name, FakeUser user, boolean inServer) {
    ObjectNode o = idOption(name, 6, user.id());
    o.set("_user", user(user));
    if (inServer) {
      ObjectNode m = member(user);
      m.remove("user");
      o.set("_member", m);
    }
    return o;
  }

  static void buttonData(ObjectNode interaction, String customId, JsonNode message) {
    ObjectNode data = interaction.putObject("data");
    data.put("custom_id", customId);
    data.put("component_type", 2);
    interaction.set("message", message);
  }

  static void modalData(ObjectNode interaction, String customId, Map<String, String> values) {
    ObjectNode data = interaction.putObject("data");
    data.put("custom_id", customId);
    ArrayNode components = data.putArray("components");
    int uid = 1;
    for (Map.Entry<String, String> e : values.entrySet()) {
      ObjectNode label = components.addObject();
      label.put("type", 18);
      label.put("id", uid++);
      ObjectNode input = label.putObject("component");
      input.put("type", 4);
      input.put("id", uid++);
      input.put("custom_id", e.getKey());
      input.put("value", e.getValue());
    }
  }

  /** A user's message in a channel (thread or DM). */
  static ObjectNode userMessage(
      String id, long channelId, FakeUser author, String content, FakeGuild guild) {
    ObjectNode m = object();
    m.put("id", id);
    m.put("channel_id", Long.toString(channelId));
    m.set("author", user(author));
    m.put("content", content);
    m.put("timestamp", timestamp());
    m.putNull("edited_timestamp");
    m.put("tts", false);
    m.put("mention_everyone", false);
    m.putArray("mentions");
    m.putArray("mention_roles");
    m.putArray("attachments");
    m.putArray("embeds");
    m.putArray("components");
    m.put("pinned", false);
    m.put("type", 0);
    m.put("flags", 0);
    if (guild != null) {
      m.put("guild_id", guild.idString());
      ObjectNode member = member(author, guild);
      member.remove("user");
      m.set("member", member);
    }
    return m;
  }
}
