package dev.interviewtutor.discord;

import dev.interviewtutor.grading.Grader;
import dev.interviewtutor.knowledge.QuestionBank;
import java.time.Clock;
import java.util.List;

/**
 * What the bot works with: the loaded banks, the grader, a clock, and resources to close on shutdown (the
 * database). Built once by the launcher (or a test).
 */
public record BotServices(QuestionBank bank, Grader grader, Clock clock, List<AutoCloseable> closeables) {
  public BotServices {
    closeables = List.copyOf(closeables);
  }
}
