package dev.interviewtutor.discord;

import dev.interviewtutor.knowledge.QuestionBank;
import dev.interviewtutor.practice.PracticeService;
import java.time.Clock;
import java.util.List;

/**
 * What the bot works with: the practice engine (banks, grader, database), a clock, and resources to close on
 * shutdown (the database). Built once by the launcher (or a test).
 */
public record BotServices(PracticeService practice, Clock clock, List<AutoCloseable> closeables) {
  public BotServices {
    closeables = List.copyOf(closeables);
  }

  public QuestionBank bank() {
    return practice.bank();
  }
}
