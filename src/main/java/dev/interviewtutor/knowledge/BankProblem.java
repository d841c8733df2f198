package dev.interviewtutor.knowledge;

import java.nio.file.Path;

/**
 * One thing wrong with a bank file, printed as {@code file:line: problem — what to fix}.
 *
 * @param file the bank file (or the directory, for a missing directory)
 * @param line 1-based line, or 0 when the problem concerns the whole file or directory
 * @param message what is wrong and what to do about it
 */
public record BankProblem(Path file, int line, String message) {
  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
  }
}
