package dev.interviewtutor.knowledge.sources;

import dev.interviewtutor.knowledge.BankProblem;
import java.util.List;

/**
 * The notes read from a source file and every row that could not be used (file:line, what to do).
 */
public record ImportResult(List<ImportedNote> notes, List<BankProblem> problems) {
  public ImportResult {
    notes = List.copyOf(notes);
    problems = List.copyOf(problems);
  }
}
