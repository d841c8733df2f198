package dev.interviewtutor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code tutor grade --question 74 --answer "..." [--json]}. Skeleton: the grading work fills it in. */
@Command(name = "grade", mixinStandardHelpOptions = true, description = "Grade one answer to a bank question.")
public final class GradeCommand implements Callable<Integer> {
  @ParentCommand TutorCommand root;

  @Option(names = "--question", required = true, description = "Question id, e.g. 74")
  String questionId;

  @Option(names = "--answer", required = true, description = "The answer text")
  String answer;

  @Option(names = "--json", description = "Print the grade as JSON")
  boolean json;

  @Override
  public Integer call() {
    throw new IllegalStateException("grading is not wired yet");
  }
}
