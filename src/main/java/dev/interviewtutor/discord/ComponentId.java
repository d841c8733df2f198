package dev.interviewtutor.discord;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a button or modal carries in its custom id: a format version, the command that owns it, the
 * Discord user it belongs to, an action and a few arguments. Encoded as {@code
 * v1:quiz:1234:answer:74}; at most 100 characters (Discord's limit). Arguments must not contain
 * {@code ':'}.
 *
 * @param version format version; ids of another version are refused with a "run the command again"
 *     message
 * @param command the slash command that handles it ("quiz", "interview")
 * @param owner the Discord user id allowed to use it; {@link #ANYONE} (0) for a public button such
 *     as the daily question's Answer
 * @param action what to do ("answer", "hint", "skip", "next", "model")
 * @param args action arguments (a question id, a session id)
 */
public record ComponentId(
    int version, String command, long owner, String action, List<String> args) {
  public static final int CURRENT_VERSION = 1;
  public static final int MAX_LENGTH = 100;

  /** Owner of a button anyone may press (the daily question's Answer button). */
  public static final long ANYONE = 0L;

  public ComponentId {
    args = List.copyOf(args);
    for (String part : concat(command, action, args)) {
      if (part.contains(":")) {
        throw new IllegalArgumentException("component id part contains ':': " + part);
      }
    }
  }

  public static ComponentId of(String command, long owner, String action, String... args) {
    return new ComponentId(CURRENT_VERSION, command, owner, action, List.of(args));
  }

  public String encode() {
    StringBuilder out =
        new StringBuilder("v")
            .append(version)
            .append(':')
            .append(command)
            .append(':')
            .append(Long.toUnsignedString(owner))
            .append(':')
            .append(action);
    for (String arg : args) {
      out.append(':').append(arg);
    }
    if (out.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("component id longer than " + MAX_LENGTH + ": " + out);
    }
    return out.toString();
  }

  /** Parses an id; empty when it is not in this format at all (any version is accepted here). */
  public static Optional<ComponentId> decode(String raw) {
    String[] parts = raw.split(":", -1);
    if (parts.length < 4 || !parts[0].matches("v\\d{1,4}")) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new ComponentId(
              Integer.parseInt(parts[0].substring(1)),
              parts[1],
              Long.parseUnsignedLong(parts[2]),
              parts[3],
              Arrays.asList(parts).subList(4, parts.length)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether this user may use the component: its owner, or anyone when the owner is {@link
   * #ANYONE}.
   */
  public boolean allows(long userId) {
    return owner == ANYONE || owner == userId;
  }

  public boolean isCurrentVersion() {
    return version == CURRENT_VERSION;
  }

  public String arg(int index) {
    return index < args.size() ? args.get(index) : "";
  }

  private static List<String> concat(String command, String action, List<String> args) {
    java.util.ArrayList<String> all = new java.util.ArrayList<>(args);
    all.add(command);
    all.add(action);
    return all;
  }
}
