package dev.interviewtutor.practice;

import java.util.List;
import java.util.Optional;

/**
 * One page of a scope's leaderboard.
 *
 * @param topic the topic filter, empty for all topics
 * @param total how many people are on the board
 * @param entries the page, best first; ties share a rank (competition ranking: 1, 2, 2, 4)
 * @param asker the asker's own line, present when they are on the board (even outside the page)
 */
public record Leaderboard(
    Period period,
    String topic,
    int offset,
    int limit,
    int total,
    List<Entry> entries,
    Optional<Entry> asker) {
  public Leaderboard {
    entries = List.copyOf(entries);
  }

  /** Whether a next page exists. */
  public boolean hasNext() {
    return offset + entries.size() < total;
  }

  /**
   * One line: {@code personKey} identifies the person (e.g. {@code discord:123}); display names
   * never ping.
   */
  public record Entry(
      int rank, long personId, String personKey, String displayName, int points, int answers) {}
}
