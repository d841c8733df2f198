package dev.interviewtutor.knowledge;

import dev.interviewtutor.UserFacingException;
import java.util.List;

/**
 * Bank files that cannot be used; carries every problem found in every file so they can be fixed in
 * one go.
 */
public final class BankException extends UserFacingException {
  private final transient List<BankProblem> problems;

  public BankException(List<BankProblem> problems) {
    super(describe(problems));
    this.problems = List.copyOf(problems);
  }

  public List<BankProblem> problems() {
    return problems;
  }

  private static String describe(List<BankProblem> problems) {
    StringBuilder text = new StringBuilder();
    text.append(problems.size())
        .append(problems.size() == 1 ? " problem" : " problems")
        .append(" in the question banks:");
    for (BankProblem problem : problems) {
      text.append(System.lineSeparator()).append("  ").append(problem);
    }
    return text.toString();
  }
}
