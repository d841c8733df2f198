package dev.interviewtutor.store;

/** One person's line on a scope leaderboard for one period and topic filter. */
public record BoardRow(
    long personId, String personKey, String displayName, int points, int answers) {}
