package dev.interviewtutor.store;

import java.util.Locale;

/** Where attempts are made and leaderboards are kept. */
public enum ScopeKind {
  /** A Discord server; key = guild id. */
  GUILD,
  /** A Discord direct-message conversation; key = the user id. */
  DM,
  /** The terminal tutor on this machine; key = "local". */
  TERMINAL;

  public String dbName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ScopeKind fromDb(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
