package dev.interviewtutor.store;

/**
 * A place where people practise: a Discord server, a DM, or the terminal. Leaderboards are per
 * scope.
 *
 * @param id database id
 * @param kind guild, DM or terminal
 * @param key guild id, user id (DM) or "local"
 * @param name a readable name, may be empty
 */
public record Scope(long id, ScopeKind kind, String key, String name) {}
