package dev.interviewtutor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.interviewtutor.UserFacingException;
import dev.interviewtutor.config.TutorConfig;
import dev.interviewtutor.grading.AnswerRejectedException;
import dev.interviewtutor.grading.Grade;
import dev.interviewtutor.grading.Grader;
import dev.interviewtutor.knowledge.ReferenceAnswerRubrics;
import dev.interviewtutor.knowledge.Rubric;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tutor grade --question 74 --answer "..." [--json]}: grades one answer and prints the
 * grade.
 */
@Command(
    name = "grade",
    mixinStandardHelpOptions = true,
    description = "Grade one answer to a bank question.")
public final class GradeCommand implements Callable<Integer> {
  @ParentCommand TutorCommand root;

  @Spec CommandSpec spec;

  @Option(names = "--question", required = true, description = "Question id in the bank, e.g. 74")
  String questionId;

  @Option(
      names = "--answer",
      required = true,
      description = "The answer text (at most 4,000 characters)")
  String answer;

  @Option(
      names = "--reference",
      description =
          "Grade against this reference answer instead of the bank; "
              + "--question is then the question text")
  String reference;

  @Option(
      names = "--grader",
      defaultValue = "offline",
      description = "offline, llm, hybrid or auto (default ${DEFAULT-VALUE})")
  String grader;

  @Option(names = "--json", description = "Print the grade as JSON")
  boolean json;

  @Override
  public Integer call() throws Exception {
    TutorConfig config = root.config();
    Rubric rubric =
        reference == null
            ? BankRubrics.forQuestion(config, questionId)
            : ReferenceAnswerRubrics.of("adhoc", questionId, reference);
    Grader g = Graders.create(config, grader);
    // Loading the embedding model takes seconds on a first grade: say so on stderr (stdout may be
    // JSON).
    spec.commandLine().getErr().println("Grading...");
    spec.commandLine().getErr().flush();
    Grade grade;
    try {
      grade = g.grade(rubric, answer);
    } catch (AnswerRejectedException e) {
      throw new UserFacingException(e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(grade));
    } else {
      out.print(GradeRenderer.render(rubric.question(), grade));
    }
    out.flush();
    return 0;
  }
}
