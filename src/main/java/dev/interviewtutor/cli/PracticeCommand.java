package dev.interviewtutor.cli;

import dev.interviewtutor.console.TerminalTutor;
import dev.interviewtutor.practice.PracticeService;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code tutor practice [--topic T] [--questions N] [--new]}: a mock interview in the terminal. */
@Command(
    name = "practice",
    mixinStandardHelpOptions = true,
    description = "Mock interview in the terminal; an interrupted one resumes.")
public final class PracticeCommand implements Callable<Integer> {
  @ParentCommand TutorCommand root;

  @Option(names = "--topic", description = "Only questions of this topic (`bank list` shows them)")
  String topic;

  @Option(names = "--questions", description = "Number of questions (default ${DEFAULT-VALUE})")
  int questions = PracticeService.DEFAULT_INTERVIEW_LENGTH;

  @Option(names = "--new", description = "Start a new interview even if one is in progress")
  boolean fresh;

  @Override
  public Integer call() {
    TerminalTutor.checkLength(questions);
    try (TerminalSession session = TerminalSession.open(root.config(), true)) {
      return session.tutor().interview(topic, questions, fresh || topic != null);
    }
  }
}
