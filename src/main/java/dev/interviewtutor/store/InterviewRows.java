package dev.interviewtutor.store;

import java.util.List;

/** Stored state of mock interviews. */
public final class InterviewRows {
  private InterviewRows() {}

  /** Session status. */
  public enum Status {
    ACTIVE,
    FINISHED,
    ABANDONED
  }

  /** Item status. */
  public enum ItemStatus {
    PENDING,
    ANSWERED,
    SKIPPED
  }

  /** One interview session with its items in order. */
  public record Session(
      long id,
      long personId,
      long scopeId,
      String topic,
      Status status,
      int position,
      long startedAt,
      long updatedAt,
      List<Item> items) {
    public Session {
      items = List.copyOf(items);
    }
  }

  /** One question of a session; {@code score} and {@code attemptId} are null until answered. */
  public record Item(
      int position,
      String questionId,
      ItemStatus status,
      int hints,
      Long attemptId,
      Integer score) {}
}
